package dev.perfgate.analysis;

import java.util.Objects;

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
 */
public record Policy(double failThreshold, double warnThreshold, double alpha, Correction correction,
                     boolean strictEnvironment, boolean failOnInconclusive, int minIterations, double counterTolerance,
                     boolean failOnPlanChange) {

    /** The origin document's thresholds: fail 10 %, warn 5 %, alpha 0.05, Holm, 30 iterations; counters 2 %. */
    public static final Policy DEFAULT = new Policy(0.10, 0.05, 0.05, Correction.HOLM, false, false, 30, 0.02, false);

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

    public Policy withFailThreshold(double value) {
        return new Policy(value, warnThreshold, alpha, correction, strictEnvironment, failOnInconclusive,
                minIterations, counterTolerance, failOnPlanChange);
    }

    public Policy withWarnThreshold(double value) {
        return new Policy(failThreshold, value, alpha, correction, strictEnvironment, failOnInconclusive,
                minIterations, counterTolerance, failOnPlanChange);
    }

    public Policy withAlpha(double value) {
        return new Policy(failThreshold, warnThreshold, value, correction, strictEnvironment, failOnInconclusive,
                minIterations, counterTolerance, failOnPlanChange);
    }

    public Policy withCorrection(Correction value) {
        return new Policy(failThreshold, warnThreshold, alpha, value, strictEnvironment, failOnInconclusive,
                minIterations, counterTolerance, failOnPlanChange);
    }

    public Policy withStrictEnvironment(boolean value) {
        return new Policy(failThreshold, warnThreshold, alpha, correction, value, failOnInconclusive, minIterations,
                counterTolerance, failOnPlanChange);
    }

    public Policy withFailOnInconclusive(boolean value) {
        return new Policy(failThreshold, warnThreshold, alpha, correction, strictEnvironment, value, minIterations,
                counterTolerance, failOnPlanChange);
    }

    public Policy withMinIterations(int value) {
        return new Policy(failThreshold, warnThreshold, alpha, correction, strictEnvironment, failOnInconclusive,
                value, counterTolerance, failOnPlanChange);
    }

    public Policy withCounterTolerance(double value) {
        return new Policy(failThreshold, warnThreshold, alpha, correction, strictEnvironment, failOnInconclusive,
                minIterations, value, failOnPlanChange);
    }

    public Policy withFailOnPlanChange(boolean value) {
        return new Policy(failThreshold, warnThreshold, alpha, correction, strictEnvironment, failOnInconclusive,
                minIterations, counterTolerance, value);
    }
}
