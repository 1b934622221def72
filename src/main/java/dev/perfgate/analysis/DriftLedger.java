package dev.perfgate.analysis;

import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code DriftLedger} is what main's history says about drift: the drift since the anchor after each checked
 * commit (from the drift checks, {@code check --against-anchor}), and which commits spent the budget (from the
 * per-commit A/B checks, {@code check --against HEAD~1}, each with its own paired estimate).
 *
 * <p>The spenders are the fewest commits, largest change first, whose changes add up (on the log scale, where
 * changes in a row add) to at least {@link #SHARE_EXPLAINED} of the latest drift, at most {@link #MAX_SPENDERS}:
 * the commits a reviewer should open first. Only commits checked since the anchor was accepted count.
 */
public final class DriftLedger {

    /** The spenders listed explain at least this share of the drift (on the log scale). */
    public static final double SHARE_EXPLAINED = 0.8;
    /** At most this many spenders are listed: a long tail is the "many small changes" the total already shows. */
    public static final int MAX_SPENDERS = 5;

    private DriftLedger() {
    }

    /**
     * One drift check as the history holds it.
     *
     * @param commit  the commit measured (main after a push)
     * @param at      when
     * @param anchor  the anchor it was measured from and the budget
     * @param changes benchmark name to the drift since the anchor
     */
    public record AnchorRun(String commit, Instant at, AnchorCheck anchor, Map<String, ChangeEstimate> changes) {
        public AnchorRun {
            Objects.requireNonNull(anchor, "anchor");
            changes = Map.copyOf(changes);
        }
    }

    /**
     * One A/B check of a commit against another (its parent, on main), as the history holds it.
     *
     * @param commit  the candidate's commit
     * @param base    the base's commit
     * @param at      when
     * @param changes benchmark name to the commit's own change
     */
    public record CommitRun(String commit, String base, Instant at, Map<String, ChangeEstimate> changes) {
        public CommitRun {
            changes = Map.copyOf(changes);
        }
    }

    /** One row of the ledger: after {@code commit}, the benchmark had drifted {@code drift} from the anchor. */
    public record Row(String commit, Instant at, ChangeEstimate drift, DriftBudget.Standing standing) {
    }

    /** A commit that spent part of the budget, with its own paired estimate. */
    public record Spender(String commit, ChangeEstimate change) {
    }

    /**
     * The ledger of one benchmark since the latest anchor.
     *
     * @param benchmark the benchmark followed: the one that drifted most in the latest drift check
     * @param anchor    the latest anchor and budget
     * @param rows      the drift after each checked commit since that anchor, oldest first
     * @param spenders  the commits that spent most of the budget, largest first
     * @param spent     what the spenders add up to (log scale, back to a relative change)
     */
    public record Ledger(String benchmark, AnchorCheck anchor, List<Row> rows, List<Spender> spenders, double spent) {

        /** The latest drift. */
        public ChangeEstimate latest() {
            return rows.get(rows.size() - 1).drift();
        }
    }

    /**
     * The ledger of {@code benchmark} (null: the one that drifted most in the latest drift check); null when the
     * history holds no drift check (of that benchmark).
     *
     * @param anchorRuns the drift checks, oldest first
     * @param commitRuns the per-commit A/B checks, oldest first
     */
    public static Ledger of(List<AnchorRun> anchorRuns, List<CommitRun> commitRuns, String benchmark) {
        if (anchorRuns.isEmpty()) return null;
        AnchorRun last = anchorRuns.get(anchorRuns.size() - 1);
        String name = benchmark;
        if (name == null) {
            Map.Entry<String, ChangeEstimate> worst = DriftBudget.worst(last.changes());
            if (worst == null) return null;
            name = worst.getKey();
        }
        AnchorCheck anchor = last.anchor();
        List<Row> rows = new ArrayList<>();
        for (AnchorRun a : anchorRuns) {
            ChangeEstimate drift = a.changes().get(name);
            if (!a.anchor().commit().equals(anchor.commit()) || drift == null) continue;
            rows.add(new Row(a.commit(), a.at(), drift, DriftBudget.Standing.of(drift.change(), a.anchor().budget())));
        }
        if (rows.isEmpty()) return null;
        List<Spender> spenders = spenders(commitRuns, name, anchor, rows.get(rows.size() - 1).drift());
        double spent = Math.expm1(spenders.stream().mapToDouble(s -> s.change().logChange()).sum());
        return new Ledger(name, anchor, rows, spenders, spent);
    }

    private static List<Spender> spenders(List<CommitRun> commitRuns, String name, AnchorCheck anchor,
                                          ChangeEstimate drift) {
        Map<String, Spender> latestPerCommit = new LinkedHashMap<>();
        for (CommitRun c : commitRuns) {
            ChangeEstimate change = c.changes().get(name);
            if (change == null || c.commit() == null || c.commit().equals(anchor.commit())) continue;
            if (anchor.acceptedAt() != null && c.at() != null && c.at().isBefore(anchor.acceptedAt())) continue;
            latestPerCommit.put(c.commit(), new Spender(c.commit(), change)); // a re-run replaces the earlier figure
        }
        List<Spender> byChange = new ArrayList<>(latestPerCommit.values());
        byChange.sort(Comparator.comparingDouble((Spender s) -> s.change().change()).reversed());
        List<Spender> chosen = new ArrayList<>();
        double target = SHARE_EXPLAINED * drift.logChange();
        double sum = 0;
        for (Spender s : byChange) {
            if (s.change().change() <= 0 || chosen.size() == MAX_SPENDERS || (target > 0 && sum >= target)) break;
            chosen.add(s);
            sum += s.change().logChange();
        }
        return chosen;
    }
}
