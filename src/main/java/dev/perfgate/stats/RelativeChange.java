package dev.perfgate.stats;

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

    /** True when both interval bounds are known. */
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
