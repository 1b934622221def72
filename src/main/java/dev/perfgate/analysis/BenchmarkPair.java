package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Direction;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.MannKendall;
import dev.perfgate.stats.Moments;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

/**
 * One benchmark's baseline and current results with what the statistics say about them, before p-values are
 * corrected across the run and a verdict is decided. {@code fixedVerdict} is set when no comparison is possible
 * (new, missing, incompatible units, no data).
 */
record BenchmarkPair(String name, String unit, Direction direction, Summary baseline, Summary current,
                     Comparison comparison, boolean quick, List<String> notes, Verdict fixedVerdict, double share,
                     Counters baseCounters, Counters currentCounters, Comparison strict) {

    BenchmarkPair(String name, String unit, Direction direction, Summary baseline, Summary current,
                  Comparison comparison, boolean quick, List<String> notes, Verdict fixedVerdict, double share,
                  Counters baseCounters, Counters currentCounters) {
        this(name, unit, direction, baseline, current, comparison, quick, notes, fixedVerdict, share, baseCounters,
                currentCounters, comparison);
    }

    /** Drift must be this significant (Mann-Kendall, two-sided) to be reported. */
    static final double DRIFT_ALPHA = 0.01;
    /** Drift needs this many samples in a run to be tested. */
    static final int DRIFT_MIN_SAMPLES = 10;

    static BenchmarkPair of(BenchmarkResult base, BenchmarkResult cur, boolean quickRun, Policy policy) {
        if (cur == null) {
            return new BenchmarkPair(base.name(), base.unit(), base.direction(), summary(base), null, null, false,
                    List.of("only in the baseline"), Verdict.MISSING, 1, null, null);
        }
        if (base == null) {
            return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), null, summary(cur), null, false,
                    List.of("only in the current run"), Verdict.NEW, 1, null, null);
        }
        List<String> notes = new ArrayList<>();
        boolean quick = quickRun || size(cur) < policy.minIterations();
        sizeNotes(notes, base, cur, policy);
        if (!base.unit().equals(cur.unit())) {
            notes.add("units differ (baseline " + base.unit() + ", current " + cur.unit() + "): not compared");
            return fixed(base, cur, quick, notes, Verdict.INCONCLUSIVE);
        }
        if (base.direction() != cur.direction()) {
            notes.add("direction differs (baseline " + base.direction().jsonName() + ", current "
                    + cur.direction().jsonName() + "): judged as " + cur.direction().jsonName() + " is better");
        }
        if (size(base) == 0 || size(cur) == 0) {
            notes.add("no samples " + (size(cur) == 0 ? "in the current run" : "in the baseline") + ": not compared");
            return fixed(base, cur, quick, notes, Verdict.INCONCLUSIVE);
        }
        if (base.count() || cur.count()) return counted(base, cur, quick, notes, policy);
        Comparison comparison = compare(base, cur, 1 - policy.alpha(), notes);
        drift(notes, "baseline", base, policy);
        drift(notes, "current", cur, policy);
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), comparison,
                quick, notes, null, 1, base.counters(), cur.counters());
    }

    /**
     * Exact counts (imported allocation counts): no statistics, the counter rule on the medians ({@link
     * CounterCheck#judge}), so that 0 -> 4,096 bytes per operation is a regression, not "inconclusive".
     */
    private static BenchmarkPair counted(BenchmarkResult base, BenchmarkResult cur, boolean quick, List<String> notes,
                                        Policy policy) {
        double b = Summary.median(base.sampleArray());
        double c = Summary.median(cur.sampleArray());
        boolean higherIsBetter = cur.direction() == Direction.HIGHER;
        Verdict v = higherIsBetter ? CounterCheck.judge(c, b, policy.counterTolerance())
                : CounterCheck.judge(b, c, policy.counterTolerance());
        notes.add(0, String.format(Locale.ROOT, "exact count, judged by a %s tolerance (at least 1 %s): %s -> %s %s",
                Numbers.share(policy.counterTolerance()), cur.unit(), Numbers.number(b), Numbers.number(c), cur.unit()));
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), null, quick,
                notes, v, 1, base.counters(), cur.counters());
    }

    /**
     * The same benchmark measured in pairs (A/B): sample i of {@code base} ran back to back with sample i of
     * {@code cur}. Falls back to the unpaired comparison, with a note, when the samples cannot be paired.
     *
     * @param share the share of the error budget this benchmark's verdict may spend ({@link Looks})
     */
    static BenchmarkPair paired(BenchmarkResult base, BenchmarkResult cur, boolean quickRun, Policy policy,
                                double share, int looks) {
        if (base == null || cur == null || base.samples().size() != cur.samples().size() || base.summaryOnly()
                || !base.unit().equals(cur.unit()) || cur.samples().isEmpty()) {
            BenchmarkPair unpaired = of(base, cur, quickRun, policy);
            if (base == null || cur == null) return unpaired;
            List<String> notes = new ArrayList<>(unpaired.notes());
            notes.add(0, "base and candidate samples do not pair up (" + size(base) + " vs " + size(cur)
                    + "): compared unpaired");
            return new BenchmarkPair(unpaired.name, unpaired.unit, unpaired.direction, unpaired.baseline,
                    unpaired.current, unpaired.comparison, unpaired.quick, notes, unpaired.fixedVerdict, 1, null, null);
        }
        List<String> notes = new ArrayList<>();
        boolean quick = quickRun || size(cur) < policy.minIterations();
        if (size(cur) < policy.minIterations()) {
            notes.add(String.format(Locale.ROOT, "fewer than %d pairs (n = %d): quick mode only, low confidence",
                    policy.minIterations(), size(cur)));
        }
        if (base.direction() != cur.direction()) {
            notes.add("direction differs (base " + base.direction().jsonName() + ", candidate "
                    + cur.direction().jsonName() + "): judged as " + cur.direction().jsonName() + " is better");
        }
        if (looks > 1) {
            notes.add(String.format(Locale.ROOT, "looked at again with more pairs: %d passes, so a regression must hold "
                    + "with %s of the error budget (alpha %s)", looks, Numbers.share(share),
                    Numbers.pValue(policy.alpha() * share)));
        }
        Sample a = new Sample(base.sampleArray());
        Sample b = new Sample(cur.sampleArray());
        Comparison comparison = Comparison.paired(a, b, 1 - policy.alpha());
        Comparison strict = share < 1 ? Comparison.paired(a, b, 1 - policy.alpha() * share) : comparison;
        notes.addAll(comparison.warnings());
        drift(notes, "base", base, policy);
        drift(notes, "candidate", cur, policy);
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), comparison,
                quick, notes, null, share, base.counters(), cur.counters(), strict);
    }

    BenchmarkComparison toResult(Verdict timeVerdict, RelativeChange bad, double pAdjusted, List<String> extraNotes,
                                 Integer iterationsToDecide, Policy policy) {
        List<String> all = new ArrayList<>(extraNotes);
        all.addAll(notes);
        CounterCheck.Result counters = CounterCheck.compare(baseCounters, currentCounters, policy.counterTolerance());
        Verdict verdict = combine(timeVerdict, counters, policy, all);
        if (bad == null && comparison == null && baseline != null && current != null && baseline.median() > 0) {
            // an exact count: its change is the medians' ratio, with no interval
            double change = current.median() / baseline.median() - 1;
            bad = new RelativeChange(direction == Direction.HIGHER ? -change : change, Double.NaN, Double.NaN, Double.NaN);
        }
        double nan = Double.NaN;
        String method = comparison == null ? null : switch (comparison.method()) {
            case WELCH -> BenchmarkComparison.METHOD_WELCH;
            case WILCOXON_SIGNED_RANK -> BenchmarkComparison.METHOD_WILCOXON_SIGNED_RANK;
            case MANN_WHITNEY -> BenchmarkComparison.METHOD_MANN_WHITNEY;
        };
        Integer pairs = paired() ? comparison.currentN() : null;
        return new BenchmarkComparison(name, unit, direction, verdict, bad == null ? nan : bad.estimate(),
                bad == null ? nan : bad.low(), bad == null ? nan : bad.high(), pAdjusted,
                comparison == null ? nan : comparison.pValue(), baseline, current, method, all, iterationsToDecide,
                pairs, detectable(bad), timeVerdict, counters.verdict() == null ? null : counters);
    }

    /**
     * The benchmark's verdict from the time's and the counters': a counted regression fails even when time is too
     * noisy to tell; counters that shrank make an unchanged time an improvement; a plan whose shape changed is at
     * least a warning (a regression under {@link Policy#failOnPlanChange()}). The notes say which side decided.
     */
    static Verdict combine(Verdict time, CounterCheck.Result counters, Policy policy, List<String> notes) {
        if (counters.verdict() == null || time == Verdict.NEW || time == Verdict.MISSING) return time;
        Verdict verdict = time;
        if (counters.verdict() == Verdict.REGRESSION) {
            if (time != Verdict.REGRESSION) notes.add(0, "fails on counters (time alone: " + time.jsonName() + ")");
            verdict = Verdict.REGRESSION;
        } else if (counters.verdict() == Verdict.IMPROVEMENT && (time == Verdict.OK || time == Verdict.INCONCLUSIVE)) {
            verdict = Verdict.IMPROVEMENT;
        }
        List<String> moved = new ArrayList<>();
        for (CounterCheck.Change c : counters.changes()) {
            moved.add("counters: " + c.describe() + (c.verdict() == Verdict.OK ? " (shown, not gated)"
                    : " (" + c.verdict().jsonName() + ")"));
        }
        notes.addAll(verdict == Verdict.REGRESSION && time != Verdict.REGRESSION ? 1 : 0, moved);
        if (counters.planChanged()) {
            notes.add("plan changed: " + CounterCheck.planDifference(counters.planBefore(), counters.planAfter()));
            if (policy.failOnPlanChange()) {
                if (verdict != Verdict.REGRESSION) notes.add(0, "fails on the plan change (--fail-on-plan-change)");
                verdict = Verdict.REGRESSION;
            } else if (verdict != Verdict.REGRESSION) {
                verdict = Verdict.WARNING;
            }
        }
        return verdict;
    }

    /**
     * The interval's detectable change, taken on the ratio current / baseline itself: the positive-is-worse change
     * of a higher-is-better metric is {@code 1 - ratio}, which is not a ratio, so it is turned back first.
     */
    private double detectable(RelativeChange bad) {
        if (bad == null) return Double.NaN;
        return (direction == Direction.HIGHER ? RegressionCheck.worseIsPositive(bad, Direction.HIGHER) : bad)
                .detectable();
    }

    /** True when the comparison is of pairs (A/B). */
    boolean paired() {
        return comparison != null && comparison.method() == Comparison.Method.WILCOXON_SIGNED_RANK;
    }

    private static BenchmarkPair fixed(BenchmarkResult base, BenchmarkResult cur, boolean quick, List<String> notes,
                                       Verdict verdict) {
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), null, quick,
                notes, verdict, 1, null, null);
    }

    private static Comparison compare(BenchmarkResult base, BenchmarkResult cur, double confidence,
                                      List<String> notes) {
        Comparison comparison;
        if (base.summaryOnly() || cur.summaryOnly()) {
            notes.add("summary-only " + (base.summaryOnly() ? "baseline" : "current run")
                    + ": Welch's t-test on means; raw samples would be more robust");
            comparison = Comparison.welch(moments(base), moments(cur), confidence);
        } else {
            comparison = Comparison.ranks(new Sample(base.sampleArray()), new Sample(cur.sampleArray()), confidence);
        }
        notes.addAll(comparison.warnings());
        return comparison;
    }

    private static void sizeNotes(List<String> notes, BenchmarkResult base, BenchmarkResult cur, Policy policy) {
        int min = policy.minIterations();
        if (size(cur) < min) {
            notes.add(String.format(Locale.ROOT, "fewer than %d iterations (n = %d): quick mode only, low confidence",
                    min, size(cur)));
        }
        if (size(base) < min) {
            notes.add(String.format(Locale.ROOT, "baseline has fewer than %d iterations (n = %d): low confidence",
                    min, size(base)));
        }
    }

    private static void drift(List<String> notes, String side, BenchmarkResult result, Policy policy) {
        if (result.samples().size() < DRIFT_MIN_SAMPLES) return;
        Sample sample = new Sample(result.sampleArray());
        if (MannKendall.pValue(sample) >= DRIFT_ALPHA) return;
        MannKendall.Trend trend = MannKendall.test(sample);
        if (trend.pValue() < DRIFT_ALPHA && Math.abs(trend.relativeChange()) >= policy.warnThreshold()) {
            notes.add(String.format(Locale.ROOT, "not stationary: %s samples trend %s over the run (%s first→last "
                            + "iteration by Sen's slope, Mann-Kendall %s)", side,
                    trend.slope() > 0 ? "upward" : "downward", Numbers.percent(trend.relativeChange()),
                    Numbers.pIs(trend.pValue())));
        }
    }

    private static int size(BenchmarkResult r) {
        return r.summaryOnly() ? r.reported().n() : r.samples().size();
    }

    private static Summary summary(BenchmarkResult r) {
        if (r.summaryOnly()) {
            ReportedSummary s = r.reported();
            return Summary.ofMoments(s.n(), s.mean(), s.stddev(), s.p95());
        }
        return Summary.of(new Sample(r.sampleArray()));
    }

    private static Moments moments(BenchmarkResult r) {
        if (r.summaryOnly()) return new Moments(r.reported().mean(), r.reported().stddev(), r.reported().n());
        return Moments.of(new Sample(r.sampleArray()));
    }
}
