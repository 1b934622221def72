package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Summary;

import java.util.List;
import java.util.Objects;

/**
 * A {@code BenchmarkComparison} is the verdict on one benchmark and the numbers behind it: what the two sides are
 * ({@link Sides}), what the statistical test said ({@link Statistics}), and the verdict with its reasons. Build one
 * with {@link #builder(Sides)}.
 *
 * @param sides              the benchmark and the two runs' summaries
 * @param statistics         the test's change, interval and p-values; {@link Statistics#NONE} when nothing was
 *                           tested (new, missing, no data)
 * @param verdict            the benchmark's verdict: {@code timeVerdict} combined with the counters'
 * @param timeVerdict        what the samples alone say
 * @param counters           what the counters say ({@link CounterCheck}); {@code null} when not compared
 * @param notes              human-readable caveats and reasons, in {@link java.util.Locale#ROOT} number format
 * @param iterationsToDecide for a benchmark whose interval is too wide: roughly how many iterations per run
 *                           (baseline and current; in A/B mode, pairs) would decide; otherwise {@code null}
 * @param baseFailure        in A/B mode, the base side's error when the benchmark failed there, so it was not
 *                           compared (its verdict is {@link Verdict#NEW}: only the candidate has samples); otherwise
 *                           {@code null}
 */
public record BenchmarkComparison(Sides sides, Statistics statistics, Verdict verdict, Verdict timeVerdict,
                                  CounterCheck.Result counters, List<String> notes, Integer iterationsToDecide,
                                  String baseFailure) {

    public static final String METHOD_MANN_WHITNEY = "mann-whitney";
    public static final String METHOD_WELCH = "welch (summary-only baseline)";
    public static final String METHOD_WILCOXON_SIGNED_RANK = "wilcoxon signed-rank (paired)";

    /**
     * What the two sides of one benchmark are.
     *
     * @param unit     the current run's unit (the baseline's for a missing benchmark)
     * @param baseline {@code null} for a new benchmark; median etc. NaN for a summary-only baseline
     * @param current  {@code null} for a missing benchmark
     */
    public record Sides(String name, String unit, Direction direction, Summary baseline, Summary current) {
    }

    /**
     * What the statistical test said. The change is relative and <b>positive = worse</b> whatever the direction
     * ({@link Worse}): for a lower-is-better metric {@code current / baseline - 1}, for a higher-is-better one
     * {@code 1 - current / baseline} (a 13 % drop in a speedup is {@code +0.13}). Numbers that do not apply are NaN.
     *
     * @param method    {@code "mann-whitney"}, {@code "welch (summary-only baseline)"} or the paired test; null when
     *                  there was no test
     * @param change    robust point estimate (Hodges-Lehmann ratio, or ratio of means for Welch) with its
     *                  {@code 1 - alpha} interval, positive = worse
     * @param pValue    two-sided p-value after the policy's multiple-comparison correction
     * @param rawPValue the same before correction
     * @param pairs     in A/B mode, how many pairs the verdict rests on; {@code null} otherwise
     * @param reach     in A/B mode, the sensitivity asked for and why the pairs stopped; {@code null} otherwise
     */
    public record Statistics(String method, RelativeChange change, double pValue, double rawPValue, Integer pairs,
                             Reach reach) {

        /** Nothing tested: no method, every number NaN. */
        public static final Statistics NONE = new Statistics(null, RelativeChange.unknown(Double.NaN), Double.NaN,
                Double.NaN, null);

        public Statistics {
            Objects.requireNonNull(change, "change");
        }

        /** Statistics with no A/B allocation to report. */
        public Statistics(String method, RelativeChange change, double pValue, double rawPValue, Integer pairs) {
            this(method, change, pValue, rawPValue, pairs, null);
        }

        /** These statistics with {@code value} as their reach. */
        public Statistics withReach(Reach value) {
            return new Statistics(method, change, pValue, rawPValue, pairs, value);
        }
    }

    /**
     * How an A/B benchmark's pairs were allocated ({@link PairAllocation}).
     *
     * @param target  the "could detect" it was to reach, a fraction; null when none was asked for
     * @param stopped why it got no more pairs ({@link PairAllocation.Stop#text()}); null when not recorded
     * @param looks   the passes of pairs it got
     */
    public record Reach(Double target, String stopped, int looks) {

        /** True when a target was asked for and {@code detectable} misses it. */
        public boolean missed(double detectable) {
            return target != null && !(detectable <= target);
        }
    }

    public BenchmarkComparison {
        Objects.requireNonNull(sides, "sides");
        Objects.requireNonNull(statistics, "statistics");
        notes = List.copyOf(notes);
    }

    /** A builder for the benchmark of {@code sides}: no test, no counters, no notes until set. */
    public static Builder builder(Sides sides) {
        return new Builder(sides);
    }

    /** The benchmark's name. */
    public String name() {
        return sides.name();
    }

    /**
     * The smallest relative slowdown this comparison could tell from no change: half the width of its interval on
     * the log scale, {@code exp(half-width) - 1}, taken on the ratio current / baseline itself (the
     * positive-is-worse change of a higher-is-better metric is {@code 1 - ratio}, not a ratio); NaN without one.
     */
    public double detectable() {
        return Worse.positive(statistics.change(), sides.direction()).detectable();
    }

    /** This comparison with {@code statistics} in place of its own. */
    public BenchmarkComparison withStatistics(Statistics value) {
        return new BenchmarkComparison(sides, value, verdict, timeVerdict, counters, notes, iterationsToDecide,
                baseFailure);
    }

    /** True when the benchmark failed at the base, so it was not compared ({@link #baseFailure}). */
    public boolean failedAtBase() {
        return baseFailure != null;
    }

    /** This comparison marked as failing at the base with {@code error}, a note saying what to do added. */
    public BenchmarkComparison failingAtBase(String error, List<String> moreNotes) {
        List<String> all = new java.util.ArrayList<>(moreNotes);
        all.addAll(notes.stream().filter(n -> !n.equals(BenchmarkPair.ONLY_CURRENT)).toList());
        return new BenchmarkComparison(sides, statistics, verdict, timeVerdict, counters, all, iterationsToDecide,
                error);
    }

    /** True when the counters' verdict, not the time's, made this a regression. */
    public boolean failedOnCounters() {
        return verdict == Verdict.REGRESSION && timeVerdict != Verdict.REGRESSION;
    }

    /** Builds a {@link BenchmarkComparison} by name; the time's verdict is the verdict unless set. */
    public static final class Builder {
        private final Sides sides;
        private Statistics statistics = Statistics.NONE;
        private Verdict verdict;
        private Verdict timeVerdict;
        private CounterCheck.Result counters;
        private List<String> notes = List.of();
        private Integer iterationsToDecide;

        private Builder(Sides sides) {
            this.sides = sides;
        }

        public Builder statistics(Statistics value) {
            statistics = value;
            return this;
        }

        public Builder verdict(Verdict value) {
            verdict = value;
            return this;
        }

        public Builder timeVerdict(Verdict value) {
            timeVerdict = value;
            return this;
        }

        public Builder counters(CounterCheck.Result value) {
            counters = value;
            return this;
        }

        public Builder notes(List<String> value) {
            notes = value;
            return this;
        }

        public Builder iterationsToDecide(Integer value) {
            iterationsToDecide = value;
            return this;
        }

        public BenchmarkComparison build() {
            Objects.requireNonNull(verdict, "verdict");
            return new BenchmarkComparison(sides, statistics, verdict, timeVerdict == null ? verdict : timeVerdict,
                    counters, notes, iterationsToDecide, null);
        }
    }
}
