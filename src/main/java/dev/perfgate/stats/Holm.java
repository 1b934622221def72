package dev.perfgate.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons, controlling the family-wise error rate
 * without assuming independence (Holm 1979, Scand. J. Statist. 6:65). Same result as R's
 * {@code p.adjust(p, method = "holm")}: the i-th smallest of m p-values becomes
 * {@code max over j <= i of min(1, (m - j + 1) p(j))}.
 */
public final class Holm {

    private Holm() {
    }

    /** Adjusted p-values in the input order; NaN entries stay NaN and do not count towards the family size. */
    public static double[] adjust(double[] pValues) {
        Integer[] order = java.util.stream.IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            double p = Math.min(1.0, (m - rank) * pValues[order[rank]]);
            running = Math.max(running, p);
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
