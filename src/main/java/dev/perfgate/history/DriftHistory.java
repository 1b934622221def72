package dev.perfgate.history;

import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads what the drift ledger needs from a history: the drift checks (entries with an anchor) and the per-commit
 * A/B checks (entries with paired changes, a git base and a candidate commit), of one suite, oldest first. Each
 * entry is reduced on the reading threads, so the samples are never kept.
 */
public final class DriftHistory {

    /** The drift checks and the per-commit checks of one suite. */
    public record Runs(List<DriftLedger.AnchorRun> anchorRuns, List<DriftLedger.CommitRun> commitRuns) {
    }

    private DriftHistory() {
    }

    /** The runs of {@code suite} (null: every suite) in {@code store}. */
    public static Runs read(HistoryStore store, String suite, Consumer<String> warnings) {
        List<DriftLedger.AnchorRun> anchors = new ArrayList<>();
        List<DriftLedger.CommitRun> commits = new ArrayList<>();
        store.forEach(e -> reduce(e, suite), o -> {
            if (o instanceof DriftLedger.AnchorRun a) anchors.add(a);
            if (o instanceof DriftLedger.CommitRun c) commits.add(c);
        }, warnings);
        return new Runs(anchors, commits);
    }

    /** The latest drift check of {@code suite}, or null. */
    public static DriftLedger.AnchorRun latest(HistoryStore store, String suite, Consumer<String> warnings) {
        List<DriftLedger.AnchorRun> anchors = read(store, suite, warnings).anchorRuns();
        return anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
    }

    private static Object reduce(HistoryEntry e, String suite) {
        RunResult run = e.run();
        if (suite != null && !suite.equals(run.suite())) return null;
        if (e.changes().isEmpty()) return null;
        AbInfo ab = run.ab();
        String commit = ab != null && ab.candidate() != null && ab.candidate().commit() != null
                ? ab.candidate().commit() : run.git().commit(); // the suite's repository's, wherever perfgate ran
        if (e.anchor() != null) return new DriftLedger.AnchorRun(commit, run.created(), e.anchor(), e.changes());
        if (ab == null || ab.base() == null || !"git".equals(ab.base().kind()) || ab.base().commit() == null) return null;
        return new DriftLedger.CommitRun(commit, ab.base().commit(), run.created(), e.changes());
    }
}
