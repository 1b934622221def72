package dev.perfgate.stats;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Two-sided p-value of the Wilcoxon signed-rank test on paired samples: are the paired differences symmetric
 * about 0, against a shift (Wilcoxon 1945, Biometrics Bulletin 1:80; Hollander, Wolfe &amp; Chicken,
 * <i>Nonparametric Statistical Methods</i>, 3rd ed., 2014, section 3.1). The differences are the
 * {@link LogRatios log ratios} of the pairs, so a machine-speed drift shared by a pair cancels.
 *
 * <p>As R's {@code wilcox.test(x, y, paired = TRUE, correct = TRUE)}: zero differences are dropped (the classical rule;
 * Pratt's variant ranks them too) and the rest ranked by magnitude, tied magnitudes taking their mean rank; {@code W+}
 * is the rank sum of the positive ones. With fewer than {@link #EXACT_LIMIT} nonzero differences and neither zeros nor
 * ties, the p-value is exact, {@code min(1, 2 min(P(T <= W+), P(T >= W+)))} under the null distribution of {@code T}
 * counted over all 2^n sign patterns; otherwise it is normal with continuity correction and tie-corrected variance
 * {@code n(n+1)(2n+1)/24 - sum(t^3 - t)/48}. The smallest exact p-value is {@code 2 / 2^n}: with 5 pairs or fewer no
 * test at the 5 % level can reject.
 *
 * <p>Why not Hipparchus 4.0.2's {@code WilcoxonSignedRankTest}? Its zero handling is R's (it drops equal pairs), but
 * its normal approximation has the continuity correction but no tie correction, so with tied magnitudes, common at a
 * coarse timer resolution, its p-value is too large (differences 1, 1, 1, -1, 2, 2: 0.116, R 0.105); its exact p-value
 * enumerates all 2^n sign patterns with integer ranks even when ranks are tied, exceeds 1 when {@code W+ = W-}
 * (differences 1, 2, -3: 1.25), takes seconds at n = 25 and refuses n &gt; 30; and it throws when there are no pairs or
 * all pairs are equal. So this class ranks the differences itself (a sort, O(n log n)), counts the exact distribution
 * by dynamic programming (O(n^3) for n &lt; 50) and uses Hipparchus for the normal distribution only. The tests use
 * Hipparchus as a reference where it is right (no ties).
 */
public final class WilcoxonSignedRank {

    /** Fewer nonzero differences than this, no zeros and no ties: exact p-value (R's limit). */
    static final int EXACT_LIMIT = 50;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private WilcoxonSignedRank() {
    }

    /** The p-value of the pairs' log ratios; NaN when the samples cannot be paired (see {@link Comparison#paired}). */
    public static double pValue(Sample baseline, Sample current) {
        if (LogRatios.problem(baseline, current) != null) return Double.NaN;
        return pValue(LogRatios.of(baseline, current));
    }

    /** The p-value of the one-sample test on {@code differences}; 1 when all are 0, NaN when there are none. */
    static double pValue(double[] differences) {
        if (differences.length == 0) return Double.NaN;
        SignedRanks ranks = SignedRanks.of(differences);
        int n = ranks.n();
        if (n == 0) return 1.0;
        if (n < EXACT_LIMIT && ranks.tieTerm() == 0 && n == differences.length) {
            return exactPValue((int) ranks.wPlus(), n);
        }
        double z = ranks.wPlus() - n * (n + 1.0) / 4;
        double sigma = Math.sqrt(variance(n, ranks.tieTerm()));
        double corrected = z - Math.signum(z) * 0.5;
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(corrected) / sigma));
    }

    /** Variance of {@code W+} under the null hypothesis, tie-corrected (Hollander, Wolfe &amp; Chicken 3.1). */
    static double variance(int n, double tieTerm) {
        return n * (n + 1.0) * (2 * n + 1.0) / 24 - tieTerm / 48;
    }

    /**
     * How many of the 2^n sign patterns give each rank sum {@code 0..n(n+1)/2} for untied ranks {@code 1..n}: the
     * null distribution of {@code W+} times 2^n. Exact in a long for n &lt; 63.
     */
    static long[] nullCounts(int n) {
        long[] counts = new long[n * (n + 1) / 2 + 1];
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int sum = rank * (rank + 1) / 2; sum >= rank; sum--) counts[sum] += counts[sum - rank];
        }
        return counts;
    }

    private static double exactPValue(int wPlus, int n) {
        long[] counts = nullCounts(n);
        long atMost = 0;
        for (int sum = 0; sum <= wPlus; sum++) atMost += counts[sum];
        long atLeast = (1L << n) - atMost + counts[wPlus];
        return Math.min(1.0, Math.scalb(2.0 * Math.min(atMost, atLeast), -n));
    }

    /**
     * The signed-rank statistic of the nonzero differences: {@code n} of them, {@code wPlus} the rank sum of the
     * positive ones, {@code tieTerm} the sum of {@code t^3 - t} over groups of equal magnitudes.
     */
    private record SignedRanks(int n, double wPlus, double tieTerm) {

        /** Ranks the magnitudes by merging the sorted positive and negative ones. */
        static SignedRanks of(double[] differences) {
            double[] positive = Arrays.stream(differences).filter(d -> d > 0).sorted().toArray();
            double[] negative = Arrays.stream(differences).filter(d -> d < 0).map(d -> -d).sorted().toArray();
            double wPlus = 0;
            double tieTerm = 0;
            int i = 0;
            int j = 0;
            while (i < positive.length || j < negative.length) {
                double v = j >= negative.length || (i < positive.length && positive[i] <= negative[j])
                        ? positive[i] : negative[j];
                int below = i + j;
                int positives = 0;
                while (i < positive.length && positive[i] == v) {
                    i++;
                    positives++;
                }
                while (j < negative.length && negative[j] == v) j++;
                long t = i + j - below;
                wPlus += positives * (below + (t + 1) / 2.0);
                tieTerm += (double) t * t * t - t;
            }
            return new SignedRanks(positive.length + negative.length, wPlus, tieTerm);
        }
    }
}
