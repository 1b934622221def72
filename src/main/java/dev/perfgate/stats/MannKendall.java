package dev.perfgate.stats;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Mann-Kendall test for a monotonic trend in a series taken in order, with Sen's slope as its effect size
 * (Mann 1945, Econometrica 13:245; Kendall 1975, <i>Rank Correlation Methods</i>; Sen 1968, JASA 63:1379).
 *
 * <p>{@code S} counts increasing minus decreasing pairs; its variance is tie-corrected,
 * {@code [n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 18}; {@code z = (S - sign(S)) / sqrt(var)} (continuity
 * correction) and the two-sided p-value comes from Hipparchus' normal distribution. Sen's slope is the median
 * of all pairwise slopes {@code (x_j - x_i) / (j - i)}; rank-based, so a few stalls do not make a trend.
 */
public final class MannKendall {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private MannKendall() {
    }

    /**
     * A trend in a series.
     *
     * @param s              Mann-Kendall S statistic
     * @param pValue         two-sided; 1 for fewer than 3 values or a constant series
     * @param slope          Sen's slope, in the sample's unit per iteration
     * @param relativeChange {@code slope * (n - 1) / median}: how much the trend moved the values from the
     *                       first to the last iteration, as a fraction of the median; NaN if the median is 0
     */
    public record Trend(int n, double s, double z, double pValue, double slope, double relativeChange) {
    }

    public static Trend test(Sample sample) {
        double[] x = sample.values();
        int n = x.length;
        if (n < 3) return new Trend(n, 0, 0, 1, 0, 0);
        double s = statistic(x);
        double z = z(s, sample);
        double slope = senSlope(x);
        double median = Summary.quantile(sample.sorted(), 0.5);
        double relative = median == 0 ? Double.NaN : slope * (n - 1) / Math.abs(median);
        return new Trend(n, s, z, pValue(z), slope, relative);
    }

    /** Only the two-sided p-value (cheaper than {@link #test}: no Sen's slope); 1 for fewer than 3 values. */
    public static double pValue(Sample sample) {
        return sample.size() < 3 ? 1 : pValue(z(statistic(sample.values()), sample));
    }

    private static double statistic(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            for (int j = i + 1; j < x.length; j++) s += Math.signum(x[j] - x[i]);
        }
        return s;
    }

    /** Continuity-corrected z of S; 0 for a constant series (variance 0). */
    private static double z(double s, Sample sample) {
        int n = sample.size();
        double variance = (n * (n - 1.0) * (2.0 * n + 5) - tieTerm(sample.sorted())) / 18.0;
        return variance <= 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
    }

    private static double pValue(double z) {
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    private static double tieTerm(double[] sorted) {
        double sum = 0;
        int run = 1;
        for (int i = 1; i <= sorted.length; i++) {
            if (i < sorted.length && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                sum += run * (run - 1.0) * (2.0 * run + 5);
                run = 1;
            }
        }
        return sum;
    }

    private static double senSlope(double[] x) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) slopes[k++] = (x[j] - x[i]) / (j - i);
        }
        Arrays.sort(slopes);
        return Summary.quantile(slopes, 0.5);
    }
}
