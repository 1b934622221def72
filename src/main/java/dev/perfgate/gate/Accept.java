package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.report.RunTable;
import dev.perfgate.report.TextReport;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.results.ResultsJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code Accept} is the use case of {@code perfgate baseline accept}, the one way a baseline changes: the run is
 * refused when it is unfit to judge others by (unless forced), the diff against the current baseline is shown,
 * and the file is replaced only once a person approved it, with who, when, which commit and why.
 */
public final class Accept {

    private final Listener listener;

    public Accept(Listener listener) {
        this.listener = listener;
    }

    /** Returns true when the baseline was replaced, false when the person declined. */
    public boolean run(AcceptRequest r) {
        if (r.reason().isBlank()) throw new PerfgateException("--reason is empty: say why this run should be the baseline");
        RunResult run = ResultsJson.read(r.results());
        Path file = r.baseline() != null ? r.baseline()
                : r.suite() != null ? Baselines.location(r.suite(), run.suite()) : Baselines.location(run);
        Baseline old = Files.exists(file) ? BaselineJson.read(file) : null;
        if (!r.force()) refuseUnfit(r.results(), run, old, file);
        showDiff(run, old, file);
        if (!approved(r)) {
            listener.note("declined; baseline " + file + " left unchanged");
            return false;
        }
        Provenance provenance = new Provenance(acceptedBy(), Instant.now(), run.git().commit(), r.results().toString(),
                r.reason().strip(), suiteFolder(r, run));
        BaselineJson.write(new Baseline(run, provenance), file);
        noteAnchor(run, provenance);
        listener.print("Baseline " + file + " now holds " + r.results() + " ("
                + Numbers.count(run.benchmarks().size(), "benchmark", "benchmarks")
                + "). Commit it so reviewers see the change.\n");
        return true;
    }

    /** A run unfit to judge others by is refused unless forced: quick, too few iterations, another suite. */
    private static void refuseUnfit(Path results, RunResult run, Baseline old, Path file) {
        String unfit = null;
        int min = Policy.DEFAULT.minIterations();
        int fewest = run.benchmarks().stream().mapToInt(b -> b.samples().size()).min().orElse(0);
        if (run.settings() != null && run.settings().quick()) {
            unfit = "it is a --quick run, labelled low confidence";
        } else if (fewest < min && run.benchmarks().stream().noneMatch(b -> b.count() || b.summaryOnly())) {
            unfit = "a benchmark has only " + fewest + " samples, fewer than the " + min + " a verdict needs";
        } else if (old != null && old.run().suite() != null && run.suite() != null
                && !old.run().suite().equals(run.suite())) {
            unfit = "it is a run of suite " + run.suite() + " but " + file + " is suite " + old.run().suite()
                    + "'s baseline";
        }
        if (unfit != null) {
            throw new PerfgateException("refusing to make " + results + " the baseline: " + unfit + "; re-run it "
                    + "fully, or pass --force if this is intended");
        }
    }

    private void showDiff(RunResult run, Baseline old, Path file) {
        if (old == null) {
            listener.print("No baseline at " + file + " yet; the new one:\n");
            listener.print(RunTable.render(run));
            return;
        }
        listener.print("Changes from the current baseline " + file + " (old → new):\n");
        listener.print(new TextReport(listener.terminal()).render(RegressionCheck.compare(old.run(), run,
                Policy.DEFAULT)));
    }

    private boolean approved(AcceptRequest r) {
        if (r.yes()) return true;
        if (r.ci()) {
            throw new PerfgateException("refusing to change the baseline in CI without approval: review the diff "
                    + "above and pass --yes if the change is intended");
        }
        if (!listener.terminal()) {
            throw new PerfgateException("no terminal to ask for approval: review the diff above and pass --yes");
        }
        return listener.confirm("Make this the new baseline?");
    }

    /**
     * The suite's folder inside its repository, for the anchor: the folder the results came from ({@code --suite}
     * when given); null for a bundled suite or outside git.
     */
    private static String suiteFolder(AcceptRequest r, RunResult run) {
        Path folder = r.suite();
        if (folder == null && run.settings() != null
                && run.settings().extra().get(RunSettings.SUITE_FOLDER_KEY) instanceof String s && !s.isBlank()) {
            folder = Path.of(s);
        }
        return folder == null || !Files.isDirectory(folder) ? null : GitProbe.pathInRepository(folder);
    }

    /** Says what the anchor is, or why there is none: the drift check measures from it. */
    private void noteAnchor(RunResult run, Provenance p) {
        if (p.commit() == null || p.suiteFolder() == null) {
            listener.note("no anchor recorded (the run was not measured in a git work tree, or its suite has no "
                    + "folder): 'check --against-anchor' needs both");
            return;
        }
        listener.note("anchor: commit " + p.commit().substring(0, Math.min(10, p.commit().length())) + ", suite folder "
                + p.suiteFolder() + (Boolean.TRUE.equals(run.git().dirty())
                ? " (the run had uncommitted changes: the anchor is the commit without them)" : ""));
    }

    private static String acceptedBy() {
        String user = GitProbe.userName();
        return user != null ? user : System.getProperty("user.name");
    }
}
