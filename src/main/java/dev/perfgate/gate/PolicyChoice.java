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
 */
public record PolicyChoice(Double failThreshold, Double warnThreshold, Double alpha, Correction correction,
                           Double counterTolerance, boolean strictEnvironment, boolean failOnInconclusive,
                           boolean failOnPlanChange) {

    /** Nothing said: the suite's settings and the defaults decide. */
    public static final PolicyChoice NONE = new PolicyChoice(null, null, null, null, null, false, false, false);

    /** The default policy, overridden by the suite's settings, overridden by this choice. */
    public Policy policy(Settings suite) {
        Policy p = Policy.DEFAULT;
        try {
            if (suite.failThreshold() != null) p = p.withFailThreshold(suite.failThreshold());
            if (suite.warnThreshold() != null) p = p.withWarnThreshold(suite.warnThreshold());
            if (suite.alpha() != null) p = p.withAlpha(suite.alpha());
            if (failThreshold != null) p = p.withFailThreshold(failThreshold);
            if (warnThreshold != null) p = p.withWarnThreshold(warnThreshold);
            if (alpha != null) p = p.withAlpha(alpha);
            if (correction != null) p = p.withCorrection(correction);
            if (counterTolerance != null) p = p.withCounterTolerance(counterTolerance);
            return p.withStrictEnvironment(strictEnvironment).withFailOnInconclusive(failOnInconclusive)
                    .withFailOnPlanChange(failOnPlanChange);
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("the verdict policy is inconsistent: " + e.getMessage()
                    + " (check --warn-threshold/--fail-threshold and the suite's settings)");
        }
    }
}
