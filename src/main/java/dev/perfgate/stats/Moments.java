package dev.perfgate.stats;

/**
 * {@code Moments} are what a summary-only baseline keeps of a sample: mean and standard deviation (both in
 * the sample's unit) and the number of values.
 */
public record Moments(double mean, double stddev, int n) {

    /** The moments of a raw sample (standard deviation with divisor {@code n - 1}; 0 for one value). */
    public static Moments of(Sample sample) {
        Summary s = Summary.of(sample);
        return new Moments(s.mean(), s.n() < 2 ? 0 : s.stddev(), s.n());
    }
}
