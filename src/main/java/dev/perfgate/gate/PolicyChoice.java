package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Correction;
import dev.perfgate.analysis.Policy;
import dev.perfgate.suite.Settings;

/**
 * A {@code PolicyChoice} is what the command line says about the verdict policy, each field null (or false) when it
 * says nothing; {@link #policy} layers it over the suite's settings over {@link Policy#DEFAULT}.
 *
 * @param failThreshold    slowdown that fails, as a fraction (0.10 = 10 %)
 * @param warnThreshold    slowdown that warns, as a fraction
 * @param counterTolerance how much a counter may grow before it is a regression, as a fraction (0: any growth)
 * @param failOnDifferentResults statements answering differently on the two sides fail (the suite's
 *                         {@code results=must-match} says the same)
 */
public record PolicyChoice(Double failThreshold, Double warnThreshold, Double alpha, Correction correction,
                           Double counterTolerance, boolean strictEnvironment, boolean failOnInconclusive,
                           boolean failOnPlanChange, boolean failOnDifferentResults) {

    /** Nothing said: the suite's settings and the defaults decide. */
    public static final PolicyChoice NONE = new PolicyChoice(null, null, null, null, null, false, false, false, false);

    /** A choice that says nothing about different results. */
    public PolicyChoice(Double failThreshold, Double warnThreshold, Double alpha, Correction correction,
                        Double counterTolerance, boolean strictEnvironment, boolean failOnInconclusive,
                        boolean failOnPlanChange) {
        this(failThreshold, warnThreshold, alpha, correction, counterTolerance, strictEnvironment, failOnInconclusive,
                failOnPlanChange, false);
    }

    /**
     * The default policy, overridden by the suite's settings, overridden by this choice: all in one edit, checked
     * once at the end, so thresholds moved together (fail 3 %, warn 1 %) are not refused half way.
     */
    public Policy policy(Settings suite) {
        try {
            return Policy.DEFAULT.with(v -> {
                if (suite.failThreshold() != null) v.failThreshold = suite.failThreshold();
                if (suite.warnThreshold() != null) v.warnThreshold = suite.warnThreshold();
                if (suite.alpha() != null) v.alpha = suite.alpha();
                if (failThreshold != null) v.failThreshold = failThreshold;
                if (warnThreshold != null) v.warnThreshold = warnThreshold;
                if (alpha != null) v.alpha = alpha;
                if (correction != null) v.correction = correction;
                if (counterTolerance != null) v.counterTolerance = counterTolerance;
                v.strictEnvironment = strictEnvironment;
                v.failOnInconclusive = failOnInconclusive;
                v.failOnPlanChange = failOnPlanChange;
                v.failOnDifferentResults = failOnDifferentResults || suite.resultsMustMatch();
            });
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("the verdict policy is inconsistent: " + e.getMessage()
                    + " (check --warn-threshold/--fail-threshold and the suite's settings)");
        }
    }
}
