package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.Counters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges what PostgreSQL counted ({@link Counters}) in two runs of a benchmark. Counts of the same statements with
 * the same parameters (the counted iterations draw them from a seed of their own, position by position) repeat
 * nearly exactly (measured on the demo suite: WAL records and rows identical in every run; buffer hits identical,
 * or off by a block or two at one iteration where a page happened to fill differently), so there is no statistics
 * to do: a counter whose mean per iteration grew by more than the tolerance ({@link Policy#counterTolerance()}, 2 %
 * by default) and by at least one whole unit, and grew at every counted iteration, is a regression; one that shrank
 * as much, an improvement. The one unit makes 0 -> 1 a change and keeps a tiny counter's rounding from being one;
 * starting from zero is no excuse: 0 -> 4,096 is a regression. "At every iteration" is what tells a change in the
 * work (a lost index costs every update) from a page that filled differently (one iteration, a block or two).
 *
 * <p>Gated: shared buffers (hits + reads: a lost index shows as hits when the table is cached), local buffers, temp
 * blocks, WAL records and rows. Shown when they move, not gated: WAL bytes and full-page images (an image's size
 * follows the page's free space, which moves with the bytes of every value written, e.g. a timestamp's
 * digits: measured up to 2 % apart between two databases of one session), and dirtied and written buffers, which
 * follow checkpoints and page layout.
 */
public final class CounterCheck {

    private CounterCheck() {
    }

    /** A counter that moved beyond the tolerance; {@code verdict} is REGRESSION or IMPROVEMENT (OK: not gated). */
    public record Change(String counter, double base, double current, Verdict verdict) {

        /** E.g. {@code shared buffers per iteration 4 -> 2,013 (+50,225.0%)}. */
        public String describe() {
            String change = base == 0 ? "from zero" : Numbers.percent(current / base - 1);
            return String.format(Locale.ROOT, "%s per iteration %s -> %s (%s)", counter, amount(base), amount(current),
                    change);
        }

        private static String amount(double v) {
            return v == Math.rint(v) ? Numbers.count((long) v) : String.format(Locale.ROOT, "%,.1f", v);
        }
    }

    /**
     * The counters' side of a benchmark's verdict.
     *
     * @param verdict     REGRESSION when a gated counter grew, IMPROVEMENT when one shrank and none grew, OK when
     *                    none moved; {@code null} when the two runs' counters cannot be compared
     * @param changes     the counters that moved, gated or not, gated ones first
     * @param planBefore  the base's plan summary when the plan's shape changed, else null
     * @param planAfter   the current plan summary when it changed, else null
     * @param attribution which statements and functions account for the change in time; null without profiles
     * @param answers     whether the statements gave the same results on both sides; null when not compared
     */
    public record Result(Verdict verdict, List<Change> changes, String planBefore, String planAfter,
                         Attribution attribution, AnswerCheck answers) {

        /** Not compared: either side has no counters. */
        public static final Result NONE = new Result(null, List.of(), null, null, null, null);

        public Result {
            changes = List.copyOf(changes);
        }

        /** This result with {@code a} as its attribution. */
        public Result withAttribution(Attribution a) {
            return new Result(verdict, changes, planBefore, planAfter, a, answers);
        }

        public boolean planChanged() {
            return planAfter != null;
        }
    }

    private record Gauge(String name, boolean gated, String... counters) {
    }

    private static final List<Gauge> GAUGES = List.of(
            new Gauge("shared buffers", true, Counters.SHARED_HIT, Counters.SHARED_READ),
            new Gauge("local buffers", true, Counters.LOCAL_HIT, Counters.LOCAL_READ),
            new Gauge("temp blocks", true, Counters.TEMP_READ, Counters.TEMP_WRITTEN),
            new Gauge("WAL records", true, Counters.WAL_RECORDS),
            new Gauge("rows", true, Counters.ROWS),
            new Gauge("WAL bytes", false, Counters.WAL_BYTES),
            new Gauge("full-page images", false, Counters.WAL_FPI),
            new Gauge("dirtied buffers", false, Counters.SHARED_DIRTIED),
            new Gauge("written buffers", false, Counters.SHARED_WRITTEN));

    /** Compares the counters of one benchmark; a null result when either side has none. */
    public static Result compare(Counters base, Counters current, double tolerance) {
        if (base == null || current == null || base.values().isEmpty() || current.values().isEmpty()) {
            return Result.NONE;
        }
        List<Change> changes = new ArrayList<>();
        boolean worse = false;
        boolean better = false;
        for (Gauge g : GAUGES) {
            double b = sum(base, g.counters);
            double c = sum(current, g.counters);
            if (Double.isNaN(b) || Double.isNaN(c)) continue;
            Verdict v = judge(b, c, tolerance);
            if (v == Verdict.OK) continue;
            boolean gated = g.gated && atEveryIteration(base, current, v, g.counters);
            changes.add(new Change(g.name, b, c, gated ? v : Verdict.OK));
            worse |= gated && v == Verdict.REGRESSION;
            better |= gated && v == Verdict.IMPROVEMENT;
        }
        changes.sort((x, y) -> Boolean.compare(x.verdict() == Verdict.OK, y.verdict() == Verdict.OK));
        Verdict verdict = worse ? Verdict.REGRESSION : better ? Verdict.IMPROVEMENT : Verdict.OK;
        Counters.Plan pb = base.plan();
        Counters.Plan pc = current.plan();
        boolean planChanged = pb != null && pc != null && pb.nested() == pc.nested()
                && !pb.fingerprint().equals(pc.fingerprint());
        return new Result(verdict, changes, planChanged ? pb.summary() : null, planChanged ? pc.summary() : null,
                null, AnswerCheck.of(base.answers(), current.answers()));
    }

    /**
     * The benchmark's verdict from the time's and the counters': a counted regression fails even when time is too
     * noisy to tell; counters that shrank make an unchanged time an improvement; a plan whose shape changed is at
     * least a warning (a regression under {@link Policy#failOnPlanChange()}). The notes say which side decided.
     */
    static Verdict combine(Verdict time, Result counters, Policy policy, List<String> notes) {
        if (counters.verdict() == null || time == Verdict.NEW || time == Verdict.MISSING) return time;
        Verdict verdict = time;
        int firstNotes = notes.size();
        if (counters.verdict() == Verdict.REGRESSION && !policy.gateCounters()) {
            if (time != Verdict.REGRESSION && time != Verdict.WARNING) {
                notes.add(0, "counters grew, a warning and not a failure: the two sides ran on different servers "
                        + "(PostgreSQL version or settings), whose counts differ with the server as much as with the "
                        + "code (time alone: " + time.jsonName() + ")");
                verdict = Verdict.WARNING;
            }
        } else if (counters.verdict() == Verdict.REGRESSION) {
            if (time != Verdict.REGRESSION) notes.add(0, "fails on counters (time alone: " + time.jsonName() + ")");
            verdict = Verdict.REGRESSION;
        } else if (counters.verdict() == Verdict.IMPROVEMENT && (time == Verdict.OK || time == Verdict.INCONCLUSIVE)) {
            verdict = Verdict.IMPROVEMENT;
        }
        List<String> moved = new ArrayList<>();
        for (Change c : counters.changes()) {
            moved.add("counters: " + c.describe() + (c.verdict() == Verdict.OK ? " (shown, not gated)"
                    : " (" + c.verdict().jsonName() + ")"));
        }
        notes.addAll(notes.size() - firstNotes, moved); // after the line saying why counters decided, if any
        if (counters.planChanged()) {
            notes.add("plan changed: " + planDifference(counters.planBefore(), counters.planAfter()));
            if (policy.failOnPlanChange()) {
                if (verdict != Verdict.REGRESSION) notes.add(0, "fails on the plan change (--fail-on-plan-change)");
                verdict = Verdict.REGRESSION;
            } else if (verdict != Verdict.REGRESSION) {
                verdict = Verdict.WARNING;
            }
        }
        return answers(verdict, counters.answers(), policy, notes);
    }

    /**
     * Different results are at least a warning, whatever the time says (a faster wrong answer is not an
     * improvement), and a regression under {@link Policy#failOnDifferentResults()}; statements not compared are named.
     */
    private static Verdict answers(Verdict verdict, AnswerCheck answers, Policy policy, List<String> notes) {
        if (answers == null) return verdict;
        notes.addAll(answers.skipped());
        if (answers.differences().isEmpty()) return verdict;
        notes.addAll(0, answers.differences());
        if (policy.failOnDifferentResults()) {
            if (verdict != Verdict.REGRESSION) {
                notes.add(0, "fails on different results (--fail-on-different-results or results=must-match)");
            }
            return Verdict.REGRESSION;
        }
        return verdict == Verdict.REGRESSION ? verdict : Verdict.WARNING;
    }

    /**
     * An exact count compared by the same rule (imported allocation counts, e.g. JMH's bytes per operation):
     * REGRESSION when {@code current} exceeds {@code base} by more than the tolerance and at least one unit.
     */
    public static Verdict judge(double base, double current, double tolerance) {
        double allowed = Math.max(tolerance * Math.abs(base), 1.0);
        if (current - base > allowed) return Verdict.REGRESSION;
        if (base - current > allowed) return Verdict.IMPROVEMENT;
        return Verdict.OK;
    }

    /**
     * What differs between two plan summaries, shape by shape: {@code was X; now Y} with only the statements' shapes
     * that are not in both (the whole summaries when the difference is in their order only).
     */
    public static String planDifference(String before, String after) {
        List<String> b = List.of(before.split(" \\| "));
        List<String> a = List.of(after.split(" \\| "));
        List<String> gone = b.stream().filter(x -> !a.contains(x)).toList();
        List<String> added = a.stream().filter(x -> !b.contains(x)).toList();
        if (gone.isEmpty() && added.isEmpty()) return "was " + before + "; now " + after;
        return "was " + (gone.isEmpty() ? "-" : String.join(" | ", gone)) + "; now "
                + (added.isEmpty() ? "-" : String.join(" | ", added));
    }

    /**
     * True when the counters moved the same way at every counted iteration (position by position: the same
     * parameters on both sides), or when the runs counted different numbers of iterations and positions do not pair.
     */
    private static boolean atEveryIteration(Counters base, Counters current, Verdict direction, String... names) {
        long[] b = position(base, names);
        long[] c = position(current, names);
        if (b.length != c.length || b.length == 0) return true;
        for (int i = 0; i < b.length; i++) {
            boolean moved = direction == Verdict.REGRESSION ? c[i] > b[i] : c[i] < b[i];
            if (!moved) return false;
        }
        return true;
    }

    /** The counters added up per iteration; empty when their lengths differ. */
    private static long[] position(Counters c, String... names) {
        long[] total = null;
        for (String n : names) {
            long[] v = c.values().get(n);
            if (v == null) continue;
            if (total == null) total = v.clone();
            else if (total.length != v.length) return new long[0];
            else for (int i = 0; i < v.length; i++) total[i] += v[i];
        }
        return total == null ? new long[0] : total;
    }

    /** The mean per iteration of the counters added up (those counted); NaN when none of them was. */
    private static double sum(Counters c, String... names) {
        double total = 0;
        boolean any = false;
        for (String n : names) {
            double v = c.perIteration(n);
            if (Double.isNaN(v)) continue;
            total += v;
            any = true;
        }
        return any ? total : Double.NaN;
    }
}
