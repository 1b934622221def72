package dev.perfgate.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The one-sample Hodges-Lehmann estimate of the center of paired differences with its distribution-free
 * confidence interval, turned into a relative change: the paired counterpart of {@link HodgesLehmann}.
 *
 * <p>Method: the differences are the {@link LogRatios log ratios} {@code d_i = log(current_i / baseline_i)}, so a
 * machine-speed drift shared by the two sides of a pair cancels. The shift estimate is the median of the
 * {@code M = n(n+1)/2} Walsh averages {@code (d_i + d_j) / 2, i <= j} (Hodges &amp; Lehmann 1963, Ann. Math.
 * Statist. 34:598); zero differences count, as they are evidence of no change. The interval is Tukey's: the pair
 * of Walsh averages {@code [W(k), W(M + 1 - k)]} that inverts the {@link WilcoxonSignedRank signed-rank test}
 * (Hollander, Wolfe &amp; Chicken, <i>Nonparametric Statistical Methods</i>, 3rd ed., 2014, section 3.2), with
 * {@code k - 1} the largest rank sum {@code c} with {@code P(W+ <= c) <= (1 - confidence) / 2}. Below 50 differences
 * ({@code WilcoxonSignedRank.EXACT_LIMIT}) that probability is exact, even when some are equal (with no zeros or
 * ties, R's {@code wilcox.test(..., conf.int = TRUE)} takes the same order statistics wherever the level is
 * reachable): the normal approximation is poor at such n, and its tie-corrected variance would grant 5 equal pairs
 * a 95 % interval, which the exact distribution never grants below 6 pairs. From 50 on,
 * {@code k = floor(M/2 + 1/2 - z sd(W+))}, as {@link HodgesLehmann} does, with the variance corrected for groups of
 * equal differences (these stay tied whatever the hypothesised shift). The result is {@code exp(shift) - 1}.
 *
 * <p>Below 50 differences with no zeros and no tied magnitudes the interval and the exact test agree exactly: 0
 * lies outside the interval if and only if p &lt;= 1 - confidence, since {@code W+} is then the number of positive
 * Walsh averages. Elsewhere they agree up to the test's continuity correction and tie handling.
 * Averages are selected by {@link WalshAverages} in O(n log n), so large samples are used whole, never thinned.
 */
public final class PairedHodgesLehmann {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private PairedHodgesLehmann() {
    }

    /** The estimate and interval of the pairs' relative change with any caveats; see the class comment. */
    public static Estimate relativeChange(Sample baseline, Sample current, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence: " + confidence);
        String problem = LogRatios.problem(baseline, current);
        if (problem != null) return new Estimate(RelativeChange.unknown(confidence), List.of(problem));
        double[] d = LogRatios.of(baseline, current);
        Arrays.sort(d);
        double shift = shift(d);
        long k = lowerRank(d, confidence);
        if (k < 1) {
            return new Estimate(new RelativeChange(Math.expm1(shift), Double.NaN, Double.NaN, confidence),
                    List.of(String.format(Locale.ROOT, "too few pairs (n = %d) for a %.0f %% interval", d.length,
                            confidence * 100)));
        }
        double lo = WalshAverages.select(d, k);
        double hi = WalshAverages.select(d, WalshAverages.count(d.length) + 1 - k);
        return new Estimate(new RelativeChange(Math.expm1(shift), Math.expm1(lo), Math.expm1(hi), confidence),
                List.of());
    }

    /** The median of the Walsh averages of the ascending, non-empty {@code sorted}. */
    static double shift(double[] sorted) {
        long m = WalshAverages.count(sorted.length);
        double upper = WalshAverages.select(sorted, m / 2 + 1);
        return m % 2 == 1 ? upper : (upper + WalshAverages.select(sorted, m / 2)) / 2;
    }

    /** The 1-based rank {@code k} of the lower bound among the Walsh averages of {@code sorted}; &lt; 1 if none. */
    static long lowerRank(double[] sorted, double confidence) {
        int n = sorted.length;
        double tail = (1 - confidence) / 2;
        if (n < WilcoxonSignedRank.EXACT_LIMIT) {
            long[] counts = WilcoxonSignedRank.nullCounts(n);
            double allowed = Math.scalb(tail, n);
            long atMost = 0;
            int c = 0;
            while (atMost + counts[c] <= allowed) atMost += counts[c++];
            return c;
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - tail);
        double sd = Math.sqrt(WilcoxonSignedRank.variance(n, tieTerm(sorted)));
        return (long) Math.floor(WalshAverages.count(n) / 2.0 + 0.5 - z * sd);
    }

    /** Sum of {@code t^3 - t} over groups of equal values of an ascending array. */
    private static double tieTerm(double[] sorted) {
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }
}
