package dev.perfgate.stats;

import java.util.SplittableRandom;

/**
 * Order statistics of the Walsh averages {@code (x_i + x_j) / 2, i <= j} of an ascending array, found without
 * forming all {@code n(n+1)/2} of them, so that paired comparisons of many thousands of pairs need neither
 * thinning nor gigabytes.
 *
 * <p>The averages form a matrix whose rows and columns ascend, so the number of them below a value is counted in
 * O(n) by walking one pointer down the columns as the row goes up. Selection keeps, per row, the window of
 * columns that may still hold the wanted average, and narrows every window around a pivot drawn at random from
 * the windows until few are left (Monahan 1984, ACM Trans. Math. Software 10:265, Algorithm 616): expected
 * O(n log n) time and O(n) memory. The pivot's random source has a fixed seed; the result never depends on it,
 * only the running time.
 */
final class WalshAverages {

    private WalshAverages() {
    }

    /** How many Walsh averages an array of {@code n} values has. */
    static long count(int n) {
        return (long) n * (n + 1) / 2;
    }

    /** The {@code rank}-th smallest (1-based) Walsh average of the ascending array {@code sorted}. */
    static double select(double[] sorted, long rank) {
        int n = sorted.length;
        if (rank < 1 || rank > count(n)) throw new IllegalArgumentException("rank " + rank + " of " + count(n));
        int[] lo = new int[n];
        int[] hi = new int[n];
        for (int i = 0; i < n; i++) {
            lo[i] = i;
            hi[i] = n;
        }
        int[] edge = new int[n];
        long below = 0;
        long left = count(n);
        SplittableRandom random = new SplittableRandom(1963);
        while (left > Math.max(n, 64)) {
            double pivot = candidate(sorted, lo, hi, random.nextLong(left));
            if (rank <= before(sorted, pivot, false, edge)) {
                for (int i = 0; i < n; i++) hi[i] = Math.min(hi[i], edge[i]);
            } else if (rank > before(sorted, pivot, true, edge)) {
                for (int i = 0; i < n; i++) lo[i] = Math.max(lo[i], edge[i]);
            } else {
                return pivot;
            }
            below = 0;
            left = 0;
            for (int i = 0; i < n; i++) {
                below += lo[i] - i;
                left += hi[i] - lo[i];
            }
        }
        return RankStatistics.select(gather(sorted, lo, hi, (int) left), (int) (rank - below));
    }

    private static double average(double[] sorted, int i, int j) {
        return (sorted[i] + sorted[j]) / 2;
    }

    /**
     * How many averages are {@code < pivot} ({@code <= pivot} when {@code orEqual}); fills {@code edge[i]} with the
     * first column {@code j >= i} of row i past them.
     */
    private static long before(double[] sorted, double pivot, boolean orEqual, int[] edge) {
        int n = sorted.length;
        int j = n;
        long count = 0;
        for (int i = 0; i < n; i++) {
            while (j > 0 && (orEqual ? average(sorted, i, j - 1) > pivot : average(sorted, i, j - 1) >= pivot)) j--;
            edge[i] = Math.max(j, i);
            count += edge[i] - i;
        }
        return count;
    }

    /** The {@code index}-th (0-based) average in the windows, row by row. */
    private static double candidate(double[] sorted, int[] lo, int[] hi, long index) {
        long rest = index;
        for (int i = 0; ; i++) {
            int width = hi[i] - lo[i];
            if (rest < width) return average(sorted, i, lo[i] + (int) rest);
            rest -= width;
        }
    }

    private static double[] gather(double[] sorted, int[] lo, int[] hi, int size) {
        double[] out = new double[size];
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            for (int j = lo[i]; j < hi[i]; j++) out[k++] = average(sorted, i, j);
        }
        return out;
    }
}
