package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.MannKendall;
import dev.perfgate.stats.Moments;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

/**
 * One benchmark's two sides and what the statistics say about them, before p-values are corrected across the run
 * and a verdict is decided.
 *
 * @param sides    the benchmark and the two runs' summaries
 * @param quick    fewer current samples than the policy's minimum, or a quick run: low confidence
 * @param finding  what the test said, or the verdict fixed without one
 * @param counters the two runs' counters compared ({@link CounterCheck}); a null verdict when not compared
 */
record BenchmarkPair(BenchmarkComparison.Sides sides, boolean quick, Finding finding, CounterCheck.Result counters) {

    /** The note of a benchmark only the current run (the candidate) has. */
    static final String ONLY_CURRENT = "only in the current run";

    /**
     * What the statistics say about one benchmark's two sides.
     *
     * @param comparison   the test at the policy's confidence; null when there is none
     * @param strict       the same at {@code 1 - alpha * share} (A/B looked at again); else {@code comparison}
     * @param share        the share of the error budget this benchmark's verdict may spend ({@link Looks})
     * @param fixedVerdict set when no comparison is possible (new, missing, incompatible units, no data, a count)
     * @param notes        caveats found while comparing
     */
    record Finding(Comparison comparison, Comparison strict, double share, Verdict fixedVerdict, List<String> notes) {

        static Finding fixed(Verdict verdict, List<String> notes) {
            return new Finding(null, null, 1, verdict, notes);
        }

        static Finding tested(Comparison comparison, List<String> notes) {
            return new Finding(comparison, comparison, 1, null, notes);
        }

        Finding withNotes(List<String> value) {
            return new Finding(comparison, strict, share, fixedVerdict, value);
        }
    }

    /** Drift must be this significant (Mann-Kendall, two-sided) to be reported. */
    static final double DRIFT_ALPHA = 0.01;
    /** Drift needs this many samples in a run to be tested. */
    static final int DRIFT_MIN_SAMPLES = 10;

    static BenchmarkPair of(BenchmarkResult base, BenchmarkResult cur, boolean quickRun, Policy policy) {
        if (cur == null) {
            return new BenchmarkPair(sides(base, null), false, Finding.fixed(Verdict.MISSING,
                    List.of("only in the baseline")), CounterCheck.Result.NONE);
        }
        if (base == null) {
            return new BenchmarkPair(sides(null, cur), false, Finding.fixed(Verdict.NEW,
                    List.of(ONLY_CURRENT)), CounterCheck.Result.NONE);
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
        return new BenchmarkPair(sides(base, cur), quick, Finding.tested(comparison, notes), counters(base, cur, policy));
    }

    /**
     * Exact counts (imported allocation counts): no statistics, the counter rule on the medians ({@link
     * CounterCheck#judge}), so that 0 -> 4,096 bytes per operation is a regression, not "inconclusive".
     */
    private static BenchmarkPair counted(BenchmarkResult base, BenchmarkResult cur, boolean quick, List<String> notes,
                                        Policy policy) {
        double b = Summary.median(base.sampleArray());
        double c = Summary.median(cur.sampleArray());
        // the rule judges growth as worse: for a higher-is-better count, a drop is the growth of the other side
        boolean higherIsBetter = cur.direction() == Direction.HIGHER;
        Verdict v = higherIsBetter ? CounterCheck.judge(c, b, policy.counterTolerance())
                : CounterCheck.judge(b, c, policy.counterTolerance());
        notes.add(0, String.format(Locale.ROOT, "exact count, judged by a %s tolerance (at least 1 %s): %s -> %s %s",
                Numbers.share(policy.counterTolerance()), cur.unit(), Numbers.number(b), Numbers.number(c), cur.unit()));
        return new BenchmarkPair(sides(base, cur), quick, Finding.fixed(v, notes), counters(base, cur, policy));
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
            List<String> notes = new ArrayList<>(unpaired.finding().notes());
            notes.add(0, "base and candidate samples do not pair up (" + size(base) + " vs " + size(cur)
                    + "): compared unpaired");
            // as before the records were split: the fallback shows no counters
            return new BenchmarkPair(unpaired.sides(), unpaired.quick(), unpaired.finding().withNotes(notes),
                    CounterCheck.Result.NONE);
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
        return new BenchmarkPair(sides(base, cur), quick, new Finding(comparison, strict, share, null, notes),
                counters(base, cur, policy));
    }

    /** The benchmark's name. */
    String name() {
        return sides.name();
    }

    /** The test's change as positive = worse ({@link Worse}); the comparison must exist. */
    RelativeChange worse(Comparison comparison) {
        return Worse.positive(comparison.change(), sides.direction());
    }

    /** The result of a pair whose verdict was fixed without a test (new, missing, not comparable, a count). */
    BenchmarkComparison fixedResult(Policy policy) {
        return toResult(new VerdictRule.Decision(finding.fixedVerdict(), List.of(), null), null, Double.NaN, policy);
    }

    /**
     * The result of this pair under the decided verdict.
     *
     * @param decision  the time's verdict, the notes that explain it, and the iterations that would decide
     * @param bad       the change, positive = worse, that was judged; null when nothing was tested
     * @param pAdjusted the p-value after the correction across benchmarks
     */
    BenchmarkComparison toResult(VerdictRule.Decision decision, RelativeChange bad, double pAdjusted, Policy policy) {
        List<String> all = new ArrayList<>(decision.notes());
        all.addAll(finding.notes());
        Verdict verdict = CounterCheck.combine(decision.verdict(), counters, policy, all);
        CounterCheck.Result judged = counters;
        boolean changed = verdict == Verdict.REGRESSION || verdict == Verdict.WARNING || verdict == Verdict.IMPROVEMENT;
        if (!changed && counters.attribution() != null) {
            judged = counters.withAttribution(counters.attribution().withoutShares()); // no change, nothing to attribute
        }
        Comparison comparison = finding.comparison();
        Summary baseline = sides.baseline();
        Summary current = sides.current();
        if (bad == null && comparison == null && baseline != null && current != null && baseline.median() > 0) {
            // no test (an exact count; also units that differ, as before): the medians' ratio, with no interval
            bad = Worse.positive(new RelativeChange(current.median() / baseline.median() - 1, Double.NaN, Double.NaN,
                    Double.NaN), sides.direction());
        }
        return BenchmarkComparison.builder(sides).statistics(statistics(bad, pAdjusted)).verdict(verdict)
                .timeVerdict(decision.verdict()).counters(judged.verdict() == null ? null : judged).notes(all)
                .iterationsToDecide(decision.iterationsToDecide()).build();
    }

    private BenchmarkComparison.Statistics statistics(RelativeChange bad, double pAdjusted) {
        Comparison comparison = finding.comparison();
        if (comparison == null && bad == null) return BenchmarkComparison.Statistics.NONE;
        String method = comparison == null ? null : switch (comparison.method()) {
            case WELCH -> BenchmarkComparison.METHOD_WELCH;
            case WILCOXON_SIGNED_RANK -> BenchmarkComparison.METHOD_WILCOXON_SIGNED_RANK;
            case MANN_WHITNEY -> BenchmarkComparison.METHOD_MANN_WHITNEY;
        };
        Integer pairs = paired() ? comparison.currentN() : null;
        return new BenchmarkComparison.Statistics(method, bad == null ? RelativeChange.unknown(Double.NaN) : bad,
                pAdjusted, comparison == null ? Double.NaN : comparison.pValue(), pairs);
    }

    /** True when the comparison is of pairs (A/B). */
    boolean paired() {
        Comparison comparison = finding.comparison();
        return comparison != null && comparison.method() == Comparison.Method.WILCOXON_SIGNED_RANK;
    }

    private static BenchmarkPair fixed(BenchmarkResult base, BenchmarkResult cur, boolean quick, List<String> notes,
                                       Verdict verdict) {
        return new BenchmarkPair(sides(base, cur), quick, Finding.fixed(verdict, notes), CounterCheck.Result.NONE);
    }

    /** The two sides' names, unit and direction are the current run's; the baseline's when it has none. */
    private static BenchmarkComparison.Sides sides(BenchmarkResult base, BenchmarkResult cur) {
        BenchmarkResult named = cur != null ? cur : base;
        return new BenchmarkComparison.Sides(named.name(), named.unit(), named.direction(),
                base == null ? null : summary(base), cur == null ? null : summary(cur));
    }

    private static CounterCheck.Result counters(BenchmarkResult base, BenchmarkResult cur, Policy policy) {
        CounterCheck.Result r = CounterCheck.compare(base.counters(), cur.counters(), policy.counterTolerance());
        if (r.verdict() == null || base.counters().profile() == null || cur.counters().profile() == null) return r;
        return r.withAttribution(Attribution.of(base.counters().profile(), cur.counters().profile(), timed(base),
                timed(cur), Attribution.ALPHA, Attribution.TOP));
    }

    /** The median time per iteration in ms the attribution scales a profile to; NaN for a ratio or another unit. */
    private static double timed(BenchmarkResult r) {
        return BenchmarkResult.DEFAULT_UNIT.equals(r.unit()) && !r.samples().isEmpty()
                ? Summary.median(r.sampleArray()) : Double.NaN;
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
            notes.add(driftNote(side, trend));
        }
    }

    /**
     * The note on a trend within a run. Its size is the trend line's (Sen's slope, extrapolated across the run's
     * iterations), not a change measured from the first iteration to the last; a line that moves by the median or
     * more would reach zero or double, which no steady process does, so beyond that it is given as a rate per 100
     * iterations and called what it is (it once read "−100.0% first→last iteration").
     */
    static String driftNote(String side, MannKendall.Trend trend) {
        boolean up = trend.slope() > 0;
        String size = Math.abs(trend.relativeChange()) < 1
                ? "moves " + Numbers.percent(trend.relativeChange()) + " of the median across its " + trend.n()
                        + " iterations"
                : "moves " + Numbers.percent(trend.relativeChange() / (trend.n() - 1) * 100) + " of the median per 100 "
                        + "iterations, more than the median itself across its " + trend.n() + ": far from steady";
        return "not stationary: " + side + " samples trend " + (up ? "upward" : "downward") + " within the run: the "
                + "trend line (Sen's slope) " + size + " (Mann-Kendall " + Numbers.pIs(trend.pValue()) + ")";
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
