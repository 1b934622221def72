package dev.perfgate.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A {@code RelativeChange} is an estimate of how much larger the current values are than the baseline's,
 * as a fraction: {@code current / baseline - 1} ({@code 0.12} = 12 % larger, {@code -0.05} = 5 % smaller),
 * with a confidence interval {@code [low, high]} at level {@code confidence}.
 *
 * @param estimate   point estimate; NaN when it cannot be computed (e.g. no samples)
 * @param low        lower interval bound; NaN when there is no interval
 * @param high       upper interval bound; NaN when there is no interval
 * @param confidence nominal coverage of the interval, e.g. 0.95
 */
public record RelativeChange(double estimate, double low, double high, double confidence) {

    public static RelativeChange unknown(double confidence) {
        return new RelativeChange(Double.NaN, Double.NaN, Double.NaN, confidence);
    }

    /**
     * This change with its interval widened, where needed, to cover run-to-run noise: when separate runs of the same
     * code scatter with log standard deviation {@code runSigma} (of their medians), the difference of two runs
     * scatters with {@code sqrt(2) runSigma}, so the interval must reach at least
     * {@code z(1 - (1 - confidence) / 2) sqrt(2) runSigma} either side of the estimate on the log scale. The
     * sample-level interval already covers the within-run noise; the wider of the two is kept.
     */
    public RelativeChange coveringRunNoise(double runSigma) {
        if (!(runSigma > 0) || !hasInterval() || Double.isNaN(estimate)) return this;
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double halfWidth = z * Math.sqrt(2) * runSigma;
        double center = Math.log1p(estimate);
        double lo = Math.min(low, Math.expm1(center - halfWidth));
        double hi = Math.max(high, Math.expm1(center + halfWidth));
        return new RelativeChange(estimate, lo, hi, confidence);
    }

    /**
     * The smallest change this interval could have told apart from no change: {@code exp(h) - 1}, where {@code h}
     * is the interval's half-width on the log scale, {@code (log(1 + high) - log(1 + low)) / 2}; NaN without an
     * interval.
     */
    public double detectable() {
        if (!hasInterval()) return Double.NaN;
        return Math.expm1((Math.log1p(high) - Math.log1p(low)) / 2);
    }

    /** True when both interval bounds are known. */
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
