package dev.perfgate.analysis;

import dev.perfgate.stats.RelativeChange;
import java.util.List;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.Summary;

/**
 * A {@code BenchmarkComparison} is the verdict on one benchmark and the numbers behind it. Changes are relative
 * and <b>positive = worse</b> whatever the direction: for a lower-is-better metric {@code current / baseline - 1},
 * for a higher-is-better one {@code 1 - current / baseline} (a 13 % drop in a speedup is {@code +0.13}).
 * Numbers that do not apply (new, missing, no interval) are {@link Double#NaN}.
 *
 * @param unit               the current run's unit (the baseline's for a missing benchmark)
 * @param change             robust point estimate (Hodges-Lehmann ratio, or ratio of means for Welch)
 * @param ciLow              lower end of the {@code 1 - alpha} interval of {@code change}
 * @param ciHigh             upper end of that interval
 * @param pValue             two-sided p-value after the policy's multiple-comparison correction
 * @param rawPValue          the same before correction
 * @param baseline           {@code null} for a new benchmark; median etc. NaN for a summary-only baseline
 * @param current            {@code null} for a missing benchmark
 * @param method             {@code "mann-whitney"} or {@code "welch (summary-only baseline)"}; null for new/missing
 * @param notes              human-readable caveats and reasons, in {@link java.util.Locale#ROOT} number format
 * @param iterationsToDecide for a benchmark whose interval is too wide: roughly how many iterations per run
 *                           (baseline and current; in A/B mode, pairs) would decide; otherwise {@code null}
 * @param pairs              in A/B mode, how many pairs the verdict rests on; {@code null} otherwise
 * @param detectable         the smallest relative slowdown this comparison could tell from no change: half the
 *                           width of its interval on the log scale, {@code exp(half-width) - 1}; NaN without one
 * @param timeVerdict        what the samples alone say; {@code verdict} is it combined with the counters'
 * @param counters           what the counters say ({@link CounterCheck}); {@code null} when not compared
 */
public record BenchmarkComparison(String name, String unit, Direction direction, Verdict verdict, double change,
                                  double ciLow, double ciHigh, double pValue, double rawPValue, Summary baseline,
                                  Summary current, String method, List<String> notes, Integer iterationsToDecide,
                                  Integer pairs, double detectable, Verdict timeVerdict, CounterCheck.Result counters) {

    public static final String METHOD_MANN_WHITNEY = "mann-whitney";
    public static final String METHOD_WELCH = "welch (summary-only baseline)";
    public static final String METHOD_WILCOXON_SIGNED_RANK = "wilcoxon signed-rank (paired)";

    public BenchmarkComparison {
        notes = List.copyOf(notes);
    }

    /** A comparison with a stored baseline (no pairs), its detectable change from its interval. */
    public BenchmarkComparison(String name, String unit, Direction direction, Verdict verdict, double change,
                               double ciLow, double ciHigh, double pValue, double rawPValue, Summary baseline,
                               Summary current, String method, List<String> notes, Integer iterationsToDecide) {
        this(name, unit, direction, verdict, change, ciLow, ciHigh, pValue, rawPValue, baseline, current, method,
                notes, iterationsToDecide, null,
                new RelativeChange(change, ciLow, ciHigh, Double.NaN).detectable(), verdict, null);
    }

    /** True when the counters' verdict, not the time's, made this a regression. */
    public boolean failedOnCounters() {
        return verdict == Verdict.REGRESSION && timeVerdict != Verdict.REGRESSION;
    }
}
