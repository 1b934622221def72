package dev.perfgate.stats;

/**
 * Small rank computations shared by {@link HodgesLehmann} and {@link MannWhitney}, on two ascending arrays:
 * the Mann-Whitney U count, the tie correction and order statistics of the pairwise differences.
 */
final class RankStatistics {

    private RankStatistics() {
    }

    /** {@code #{(i, j): y_i > x_j} + #{(i, j): y_i == x_j} / 2}, i.e. Mann-Whitney's U of {@code y}. */
    static double u(double[] sortedX, double[] sortedY) {
        double u = 0;
        int below = 0;
        int upTo = 0;
        for (double y : sortedY) {
            while (below < sortedX.length && sortedX[below] < y) below++;
            if (upTo < below) upTo = below;
            while (upTo < sortedX.length && sortedX[upTo] == y) upTo++;
            u += below + (upTo - below) / 2.0;
        }
        return u;
    }

    /** Sum of {@code t^3 - t} over groups of tied values in the pooled sample. */
    static double tieTerm(double[] sortedX, double[] sortedY) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < sortedX.length || j < sortedY.length) {
            double v = j >= sortedY.length || (i < sortedX.length && sortedX[i] <= sortedY[j]) ? sortedX[i] : sortedY[j];
            long run = 0;
            while (i < sortedX.length && sortedX[i] == v) {
                i++;
                run++;
            }
            while (j < sortedY.length && sortedY[j] == v) {
                j++;
                run++;
            }
            sum += (double) run * run * run - run;
        }
        return sum;
    }

    /** Variance of U under the null hypothesis, tie-corrected (Lehmann, <i>Nonparametrics</i>, 1975, 1.4). */
    static double varianceU(double[] sortedX, double[] sortedY) {
        double m = sortedX.length;
        double n = sortedY.length;
        double variance = m * n / 12.0 * ((m + n + 1) - tieTerm(sortedX, sortedY) / ((m + n) * (m + n - 1)));
        return Math.max(0, variance); // all values tied: 0, up to rounding
    }

    /**
     * The {@code rank}-th smallest (1-based) value of {@code values}, partially reordering the array
     * (Hoare's quickselect, expected linear time).
     */
    static double select(double[] values, int rank) {
        int lo = 0;
        int hi = values.length - 1;
        int target = rank - 1;
        while (lo < hi) {
            double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) {
                    double t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return values[target];
        }
        return values[target];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
