package dev.perfgate.stats;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummaryValues;
import org.hipparchus.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test computed from summary statistics alone, for baselines that kept only
 * mean, standard deviation and n (Welch 1947, Biometrika 34:28; degrees of freedom by Welch-Satterthwaite,
 * Satterthwaite 1946, Biometrics Bulletin 2:110).
 *
 * <p>The p-value (two-sided, difference of means) comes from Hipparchus' {@link TTest}. The relative change
 * is the ratio of means minus one; its interval is a t interval on the log of that ratio with the delta-method
 * standard error {@code sqrt(cv_c^2 / n_c + cv_b^2 / n_b)} (cv = stddev / mean) and Welch-Satterthwaite
 * degrees of freedom. Means are not robust to stalls: prefer raw samples.
 */
public final class Welch {

    private Welch() {
    }

    /** Compares the current moments with the baseline's; caveats go into the result's warnings. */
    public static Estimate relativeChange(Moments baseline, Moments current, double confidence) {
        List<String> warnings = new ArrayList<>();
        if (baseline.n() < 2 || current.n() < 2) {
            warnings.add("Welch's test needs at least 2 values on each side");
            return new Estimate(RelativeChange.unknown(confidence), warnings);
        }
        if (!(baseline.mean() > 0 && current.mean() > 0)) {
            warnings.add("means are not positive: no relative change");
            return new Estimate(RelativeChange.unknown(confidence), warnings);
        }
        double logRatio = Math.log(current.mean() / baseline.mean());
        double a = square(current.stddev() / current.mean()) / current.n();
        double b = square(baseline.stddev() / baseline.mean()) / baseline.n();
        double se = Math.sqrt(a + b);
        if (se == 0) {
            double change = Math.expm1(logRatio);
            return new Estimate(new RelativeChange(change, change, change, confidence), warnings);
        }
        double df = square(a + b) / (square(a) / (current.n() - 1) + square(b) / (baseline.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Estimate(new RelativeChange(Math.expm1(logRatio), Math.expm1(logRatio - t * se),
                Math.expm1(logRatio + t * se), confidence), warnings);
    }

    /**
     * The two-sided p-value of Welch's test for equal means; 1 when both standard deviations are 0 and the
     * means are equal, 0 when they are 0 and the means differ, NaN with fewer than 2 values on a side.
     */
    public static double pValue(Moments baseline, Moments current) {
        if (baseline.n() < 2 || current.n() < 2) return Double.NaN;
        if (baseline.stddev() == 0 && current.stddev() == 0) {
            return baseline.mean() == current.mean() ? 1.0 : 0.0;
        }
        return new TTest().tTest(summary(current), summary(baseline));
    }

    private static StatisticalSummaryValues summary(Moments m) {
        double variance = m.stddev() * m.stddev();
        return new StatisticalSummaryValues(m.mean(), variance, m.n(), Double.NaN, Double.NaN, m.mean() * m.n());
    }

    private static double square(double x) {
        return x * x;
    }
}
