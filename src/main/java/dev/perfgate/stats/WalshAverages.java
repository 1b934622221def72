package dev.perfgate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Order statistics of the Walsh averages {@code (x_i + x_j) / 2, i <= j} of an ascending array, found without
 * forming all {@code n(n+1)/2} of them, so that paired comparisons of many thousands of pairs need neither
 * thinning nor gigabytes.
 *
 * <p>The averages form a matrix whose rows and columns ascend, so the number of them below a value is counted in
 * O(n) by walking one pointer down the columns as the row goes up. Selection keeps, per row, the window of
 * columns that may still hold the wanted average and narrows the windows around pivots drawn at random from them
 * (Monahan 1984, ACM Trans. Math. Software 10:265, Algorithm 616). Two pivots a few standard errors either side of
 * the wanted rank in a sample of candidates (Floyd &amp; Rivest 1975, Comm. ACM 18:165) keep about a tenth of
 * the candidates per O(n) pass: expected O(n log n) time, O(n) memory. The random source has a fixed seed; the
 * result never depends on it, only the running time.
 */
final class WalshAverages {

    /** Candidates drawn to place the two pivots. */
    private static final int SAMPLE = 1024;

    /** How far either side of the wanted rank the pivots sit, in sample positions: 4 standard errors or more. */
    private static final double MARGIN = 2 * Math.sqrt(SAMPLE);

    private WalshAverages() {
    }

    /** How many Walsh averages an array of {@code n} values has. */
    static long count(int n) {
        return (long) n * (n + 1) / 2;
    }

    /** The {@code rank}-th smallest (1-based) Walsh average of the ascending array {@code sorted}. */
    static double select(double[] sorted, long rank) {
        if (rank < 1 || rank > count(sorted.length)) {
            throw new IllegalArgumentException("rank " + rank + " of " + count(sorted.length));
        }
        Windows w = new Windows(sorted);
        SplittableRandom random = new SplittableRandom(1963);
        while (w.left > Math.max(sorted.length, SAMPLE)) {
            double[] sample = w.sample(random);
            double at = (double) (rank - w.below) / w.left * SAMPLE;
            double low = sample[(int) Math.max(0, at - MARGIN)];
            double high = sample[(int) Math.min(SAMPLE - 1, at + MARGIN)];
            if (rank <= w.before(low, false, w.lowEdge)) {
                w.keep(null, w.lowEdge);
            } else if (rank > w.before(high, true, w.highEdge)) {
                w.keep(w.highEdge, null);
            } else if (low == high) {
                return low;
            } else if (!w.keep(w.lowEdge, w.highEdge)) {
                // every candidate lies in [low, high], as happens with many ties: step past low instead
                if (rank <= w.before(low, true, w.lowEdge)) return low;
                w.keep(w.lowEdge, null);
            }
        }
        return RankStatistics.select(w.gather(), (int) (rank - w.below));
    }

    private static double average(double[] sorted, int i, int j) {
        return (sorted[i] + sorted[j]) / 2;
    }

    /** Per row i, the columns {@code from[i] <= j < to[i]} that may still hold the wanted average. */
    private static final class Windows {
        final double[] sorted;
        final int[] from;
        final int[] to;
        final int[] lowEdge;
        final int[] highEdge;
        /** Averages left of the windows, all smaller than the wanted one. */
        long below;
        /** Averages in the windows. */
        long left;

        Windows(double[] sorted) {
            int n = sorted.length;
            this.sorted = sorted;
            from = new int[n];
            to = new int[n];
            for (int i = 0; i < n; i++) {
                from[i] = i;
                to[i] = n;
            }
            lowEdge = new int[n];
            highEdge = new int[n];
            left = count(n);
        }

        /**
         * How many averages are {@code < pivot} ({@code <= pivot} when {@code orEqual}); fills {@code edge[i]} with
         * the first column {@code j >= i} of row i past them.
         */
        long before(double pivot, boolean orEqual, int[] edge) {
            int n = sorted.length;
            int j = n;
            long count = 0;
            for (int i = 0; i < n; i++) {
                while (j > 0 && (orEqual ? average(sorted, i, j - 1) > pivot : average(sorted, i, j - 1) >= pivot)) {
                    j--;
                }
                edge[i] = Math.max(j, i);
                count += edge[i] - i;
            }
            return count;
        }

        /** Moves each window's start up to {@code start[i]} and its end down to {@code end[i]}; true if any moved. */
        boolean keep(int[] start, int[] end) {
            long before = left;
            below = 0;
            left = 0;
            for (int i = 0; i < from.length; i++) {
                if (start != null) from[i] = Math.max(from[i], start[i]);
                if (end != null) to[i] = Math.min(to[i], end[i]);
                below += from[i] - i;
                left += to[i] - from[i];
            }
            return left < before;
        }

        /** {@link #SAMPLE} averages drawn uniformly from the windows, ascending. */
        double[] sample(SplittableRandom random) {
            int n = sorted.length;
            long[] start = new long[n + 1];
            for (int i = 0; i < n; i++) start[i + 1] = start[i] + to[i] - from[i];
            double[] sample = new double[SAMPLE];
            for (int s = 0; s < SAMPLE; s++) {
                long index = random.nextLong(left);
                int lo = 0;
                int hi = n;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (start[mid] <= index) lo = mid;
                    else hi = mid;
                }
                sample[s] = average(sorted, lo, from[lo] + (int) (index - start[lo]));
            }
            Arrays.sort(sample);
            return sample;
        }

        double[] gather() {
            double[] out = new double[(int) left];
            int k = 0;
            for (int i = 0; i < sorted.length; i++) {
                for (int j = from[i]; j < to[i]; j++) out[k++] = average(sorted, i, j);
            }
            return out;
        }
    }
}
