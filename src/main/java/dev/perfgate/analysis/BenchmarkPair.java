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
 * One benchmark's baseline and current results with what the statistics say about them, before p-values are
 * corrected across the run and a verdict is decided. {@code fixedVerdict} is set when no comparison is possible
 * (new, missing, incompatible units, no data).
 */
record BenchmarkPair(String name, String unit, Direction direction, Summary baseline, Summary current,
                     Comparison comparison, boolean quick, List<String> notes, Verdict fixedVerdict, double share) {

    /** Drift must be this significant (Mann-Kendall, two-sided) to be reported. */
    static final double DRIFT_ALPHA = 0.01;
    /** Drift needs this many samples in a run to be tested. */
    static final int DRIFT_MIN_SAMPLES = 10;

    static BenchmarkPair of(BenchmarkResult base, BenchmarkResult cur, boolean quickRun, Policy policy) {
        if (cur == null) {
            return new BenchmarkPair(base.name(), base.unit(), base.direction(), summary(base), null, null, false,
                    List.of("only in the baseline"), Verdict.MISSING, 1);
        }
        if (base == null) {
            return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), null, summary(cur), null, false,
                    List.of("only in the current run"), Verdict.NEW, 1);
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
        Comparison comparison = compare(base, cur, 1 - policy.alpha(), notes);
        drift(notes, "baseline", base, policy);
        drift(notes, "current", cur, policy);
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), comparison,
                quick, notes, null, 1);
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
                    unpaired.current, unpaired.comparison, unpaired.quick, notes, unpaired.fixedVerdict, 1);
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
            notes.add(String.format(Locale.ROOT, "confirmed with more pairs: %d passes, so this verdict spent %s of "
                    + "the error budget (alpha %s)", looks, Numbers.share(share), Numbers.pValue(policy.alpha() * share)));
        }
        Comparison comparison = Comparison.paired(new Sample(base.sampleArray()), new Sample(cur.sampleArray()),
                1 - policy.alpha() * share);
        notes.addAll(comparison.warnings());
        drift(notes, "base", base, policy);
        drift(notes, "candidate", cur, policy);
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), comparison,
                quick, notes, null, share);
    }

    BenchmarkComparison toResult(Verdict verdict, RelativeChange bad, double pAdjusted, List<String> extraNotes,
                                 Integer iterationsToDecide) {
        List<String> all = new ArrayList<>(extraNotes);
        all.addAll(notes);
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
                pairs, bad == null ? nan : bad.detectable());
    }

    /** True when the comparison is of pairs (A/B). */
    boolean paired() {
        return comparison != null && comparison.method() == Comparison.Method.WILCOXON_SIGNED_RANK;
    }

    private static BenchmarkPair fixed(BenchmarkResult base, BenchmarkResult cur, boolean quick, List<String> notes,
                                       Verdict verdict) {
        return new BenchmarkPair(cur.name(), cur.unit(), cur.direction(), summary(base), summary(cur), null, quick,
                notes, verdict, 1);
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
