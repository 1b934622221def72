package dev.perfgate.analysis;

import java.util.Arrays;

/**
 * The {@code ChangePointStatistic} is Matteson &amp; James's divergence {@code Q̂(τ)} (energy distance with
 * exponent 1, scaled by {@code a·b/(a+b)}) between the two sides of every admissible split of a segment, computed
 * on the segment's ranks.
 *
 * <p>Why ranks: the statistic then depends only on the order of the values, so its permutation distribution
 * under "no change" depends only on the segment length (see {@link ChangePointNull}), and a 10× stall counts
 * no more than the largest ordinary value. In one dimension the energy distance is {@code 2∫(F - G)² dx}
 * (Székely &amp; Rizzo 2013, "Energy statistics: a class of statistics based on distances", J. Stat. Plan.
 * Inference 143), so on ranks it is a two-sample Cramér-von Mises type statistic.
 *
 * <p>Ranks are doubled mid-ranks ({@code 2, 4, ..., 2m} without ties) so that ties stay integers; the statistic
 * is divided by {@code 2m} so that it is on the scale of ranks in {@code (0, 1]}.
 */
final class ChangePointStatistic {

    /** A split of a segment: {@code left} values on the left side, and the statistic there. */
    record Split(int left, double statistic) {
    }

    private final long[] leftSums;
    private final long[] rightSums;

    /** Scratch space for segments of up to {@code maxLength} values; not thread-safe. */
    ChangePointStatistic(int maxLength) {
        leftSums = new long[maxLength + 1];
        rightSums = new long[maxLength + 1];
    }

    /**
     * The doubled mid-ranks of {@code values[from, to)}: tied values share the mean of their ranks, times two.
     */
    static int[] doubledRanks(double[] values, int from, int to) {
        double[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        int[] ranks = new int[to - from];
        for (int i = from; i < to; i++) {
            int first = countBelow(sorted, values[i], false);
            int end = countBelow(sorted, values[i], true);
            // 1-based ranks first+1 .. end share (first + 1 + end) / 2; doubled that is first + 1 + end
            ranks[i - from] = first + 1 + end;
        }
        return ranks;
    }

    /**
     * The split of {@code ranks} with the largest statistic, both sides at least {@code minSegment} long
     * ({@code ranks.length >= 2 * minSegment}). Ties between splits go to the leftmost.
     */
    Split best(int[] ranks, int minSegment) {
        int m = ranks.length;
        withinSums(ranks, leftSums, false);
        withinSums(ranks, rightSums, true);
        long total = leftSums[m];
        int bestLeft = minSegment;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = minSegment; a <= m - minSegment; a++) {
            int b = m - a;
            long cross = total - leftSums[a] - rightSums[b];
            double energy = 2.0 * cross / ((double) a * b) - 2.0 * leftSums[a] / ((double) a * (a - 1))
                    - 2.0 * rightSums[b] / ((double) b * (b - 1));
            double q = (double) a * b / m * energy;
            if (q > best) {
                best = q;
                bestLeft = a;
            }
        }
        return new Split(bestLeft, best / (2.0 * m));
    }

    /**
     * The split of {@code ranks} (doubled mid-ranks) whose left side's rank sum lies furthest from its mean under
     * "no change", in standard deviations: {@code |W - a(m+1)/2| / sqrt(a·b·(m+1)/12)} (the Wilcoxon rank-sum
     * statistic standardised; ties are ignored in the variance). Both sides at least {@code minSegment} long;
     * ties between splits go to the leftmost. Where a shift is, not whether there is one.
     */
    static int sharpestSplit(int[] ranks, int minSegment) {
        int m = ranks.length;
        long doubledSum = 0;
        int bestLeft = minSegment;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 1; a <= m - minSegment; a++) {
            doubledSum += ranks[a - 1];
            if (a < minSegment) continue;
            int b = m - a;
            double z = Math.abs(doubledSum / 2.0 - a * (m + 1) / 2.0) / Math.sqrt(a * (double) b * (m + 1) / 12.0);
            if (z > best + 1e-12) {
                best = z;
                bestLeft = a;
            }
        }
        return bestLeft;
    }

    /**
     * {@code sums[k]} = sum of {@code |r_i - r_j|} over pairs among the first {@code k} ranks (or the last
     * {@code k} when {@code fromEnd}). O(m²), which beats a Fenwick tree for window-sized segments (measured).
     */
    private static void withinSums(int[] ranks, long[] sums, boolean fromEnd) {
        int m = ranks.length;
        sums[0] = 0;
        for (int k = 1; k <= m; k++) {
            int at = fromEnd ? m - k : k - 1;
            int x = ranks[at];
            long s = 0;
            if (fromEnd) {
                for (int i = at + 1; i < m; i++) s += Math.abs(x - ranks[i]);
            } else {
                for (int i = 0; i < at; i++) s += Math.abs(x - ranks[i]);
            }
            sums[k] = sums[k - 1] + s;
        }
    }

    /**
     * How many of the ascending {@code sorted} values are below {@code v}, or at most {@code v} when {@code orEqual}:
     * the index of the first value {@code >= v} (or {@code > v}), by binary search.
     */
    static int countBelow(double[] sorted, double v, boolean orEqual) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (orEqual && sorted[mid] == v)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
