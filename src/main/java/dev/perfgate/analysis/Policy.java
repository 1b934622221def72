package dev.perfgate.analysis;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@code Policy} holds the thresholds a comparison is judged by; pass it in, never read it from globals.
 *
 * @param failThreshold      relative change in the bad direction above which a benchmark can regress (0.10 = 10 %)
 * @param warnThreshold      relative change in the bad direction above which it warns; {@code <= failThreshold}
 * @param alpha              significance level; intervals are {@code 1 - alpha} confidence intervals (a regression
 *                           also needs p &lt; 0.01 whatever alpha is: see {@link VerdictRule})
 * @param correction         multiple-comparison correction across a run's benchmarks
 * @param strictEnvironment  an environment mismatch is an error (exit 2) instead of a downgrade
 * @param failOnInconclusive an inconclusive benchmark fails the comparison
 * @param minIterations      fewer current samples than this is quick mode: labelled, low confidence
 * @param counterTolerance   a counter per iteration may grow by this share (and at least one unit) before it is a
 *                           regression ({@link CounterCheck})
 * @param failOnPlanChange   a plan whose shape changed fails instead of warning
 * @param gateCounters       a counter that grew beyond the tolerance fails; false where counters differ with the
 *                           server as much as with the code (two PostgreSQL versions or settings): then it warns
 * @param failOnDifferentResults statements that answer differently on the two sides fail instead of warning
 */
public record Policy(double failThreshold, double warnThreshold, double alpha, Correction correction,
                     boolean strictEnvironment, boolean failOnInconclusive, int minIterations, double counterTolerance,
                     boolean failOnPlanChange, boolean gateCounters, boolean failOnDifferentResults) {

    /** The origin document's thresholds: fail 10 %, warn 5 %, alpha 0.05, Holm, 30 iterations; counters 2 %. */
    public static final Policy DEFAULT =
            new Policy(0.10, 0.05, 0.05, Correction.HOLM, false, false, 30, 0.02, false, true, false);

    /** @throws IllegalArgumentException on thresholds or alpha out of range (the CLI reports them as usage errors) */
    public Policy {
        Objects.requireNonNull(correction, "correction");
        if (!(warnThreshold >= 0 && warnThreshold <= failThreshold && Double.isFinite(failThreshold))) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= warn <= fail: warn " + warnThreshold
                    + ", fail " + failThreshold);
        }
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        if (minIterations < 1) throw new IllegalArgumentException("minimum iterations must be >= 1: " + minIterations);
        if (!(counterTolerance >= 0 && Double.isFinite(counterTolerance))) {
            throw new IllegalArgumentException("counter tolerance must be >= 0: " + counterTolerance);
        }
    }

    /**
     * This policy with what {@code edit} changes in a copy of its values, e.g. {@code p.with(v -> v.alpha = 0.01)};
     * checked once, after every change, so that thresholds can move together.
     *
     * @throws IllegalArgumentException as the constructor
     */
    public Policy with(Consumer<Values> edit) {
        Values values = new Values(this);
        edit.accept(values);
        return new Policy(values.failThreshold, values.warnThreshold, values.alpha, values.correction,
                values.strictEnvironment, values.failOnInconclusive, values.minIterations, values.counterTolerance,
                values.failOnPlanChange, values.gateCounters, values.failOnDifferentResults);
    }

    /** A policy's values, to be changed by name in {@link #with}; the fields mean what the record's do. */
    public static final class Values {
        public double failThreshold;
        public double warnThreshold;
        public double alpha;
        public Correction correction;
        public boolean strictEnvironment;
        public boolean failOnInconclusive;
        public int minIterations;
        public double counterTolerance;
        public boolean failOnPlanChange;
        public boolean gateCounters;
        public boolean failOnDifferentResults;

        private Values(Policy from) {
            failThreshold = from.failThreshold;
            warnThreshold = from.warnThreshold;
            alpha = from.alpha;
            correction = from.correction;
            strictEnvironment = from.strictEnvironment;
            failOnInconclusive = from.failOnInconclusive;
            minIterations = from.minIterations;
            counterTolerance = from.counterTolerance;
            failOnPlanChange = from.failOnPlanChange;
            gateCounters = from.gateCounters;
            failOnDifferentResults = from.failOnDifferentResults;
        }
    }
}
