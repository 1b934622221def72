package dev.perfgate.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Summary} describes one sample: all fields are in the sample's unit except {@code n}.
 *
 * <p>Quantiles ({@code median}, {@code p95}, {@code p99}) use Hyndman &amp; Fan (1996) definition 7, the
 * default of R's {@code quantile()} and numpy's {@code percentile()}: linear interpolation between order
 * statistics at position {@code 1 + (n - 1) p}. {@code stddev} is the sample standard deviation (divisor
 * {@code n - 1}). {@code mad} is the unscaled median absolute deviation from the median (R's
 * {@code mad(x, constant = 1)}; multiply by 1.4826 to compare it with a normal standard deviation).
 * A value that cannot be known is {@link Double#NaN}, and {@code warnings} says why.
 *
 * @param warnings human-readable caveats, e.g. "one sample: no standard deviation"; never null
 */
public record Summary(int n, double median, double mean, double stddev, double min, double max, double p95,
                      double p99, double mad, List<String> warnings) {

    public Summary {
        warnings = List.copyOf(warnings);
    }

    /** Summarises a sample of raw measurements. */
    public static Summary of(Sample sample) {
        double[] sorted = sample.sorted();
        int n = sorted.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, List.of("no samples"));
        }
        List<String> warnings = new ArrayList<>();
        double mean = mean(sorted);
        double stddev = Double.NaN;
        if (n < 2) {
            warnings.add("one sample: no standard deviation");
        } else {
            stddev = Math.sqrt(sumOfSquares(sorted, mean) / (n - 1));
        }
        double median = quantile(sorted, 0.5);
        return new Summary(n, median, mean, stddev, sorted[0], sorted[n - 1], quantile(sorted, 0.95),
                quantile(sorted, 0.99), mad(sorted, median), warnings);
    }

    /**
     * Summarises what a legacy baseline reported instead of samples: the median, extremes, p99 and MAD are
     * unknown ({@code NaN}).
     */
    public static Summary ofMoments(int n, double mean, double stddev, double p95) {
        return new Summary(n, Double.NaN, mean, stddev, Double.NaN, Double.NaN, p95, Double.NaN, Double.NaN,
                List.of("summary only: no raw samples, so no median, percentiles or MAD"));
    }

    /** The median (type 7) of values in any order; NaN when there are none. The array is left as it is. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** The type-7 quantile of an ascending array, {@code 0 <= p <= 1}; NaN for an empty array. */
    public static double quantile(double[] sorted, double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("quantile outside [0, 1]: " + p);
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    private static double sumOfSquares(double[] values, double mean) {
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return sum;
    }

    private static double mad(double[] sorted, double median) {
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - median);
        java.util.Arrays.sort(deviations);
        return quantile(deviations, 0.5);
    }
}
