package dev.perfgate.stats;

import java.util.Arrays;

/**
 * The shift between two small samples and the noise it must exceed, robust to the odd stall: the Hodges-Lehmann
 * shift (the median of all differences current - baseline) and its distribution-free interval from the
 * Mann-Whitney statistic (Hollander, Wolfe &amp; Chicken 2014, §4.3; the same ranks as {@link HodgesLehmann}, here
 * on the values themselves, not their logs, because a part of a benchmark may be 0 on one side). One stall in ten
 * iterations moves neither, where it would double a mean's difference and a standard deviation.
 */
public final class MedianShift {

    private MedianShift() {
    }

    /**
     * The shift and its noise.
     *
     * @param shift the Hodges-Lehmann shift, current - baseline, in the values' unit
     * @param noise the distance from the shift to the end of its interval nearer zero: the shift is larger than its
     *              noise exactly when the interval excludes zero; NaN when the samples are too small for the
     *              confidence asked
     */
    public record Shift(double shift, double noise) {

        /** True when the interval excludes zero. */
        public boolean standsOut() {
            return Math.abs(shift) > noise;
        }
    }

    /** The shift of {@code current} from {@code baseline} with its {@code confidence} interval's noise. */
    public static Shift of(double[] baseline, double[] current, double confidence) {
        double[] b = baseline.clone();
        double[] c = current.clone();
        Arrays.sort(b);
        Arrays.sort(c);
        double[] d = new double[b.length * c.length];
        int i = 0;
        for (double y : c) {
            for (double x : b) d[i++] = y - x;
        }
        Arrays.sort(d);
        double shift = median(d);
        int k = HodgesLehmann.lowerRank(b, c, confidence);
        if (k < 1 || d.length == 0) return new Shift(shift, Double.NaN);
        double lo = d[k - 1];
        double hi = d[d.length - k];
        return new Shift(shift, shift >= 0 ? shift - lo : hi - shift);
    }

    /** The median of the values. */
    public static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
