package dev.perfgate.stats;

import java.util.Locale;

/**
 * The log ratios {@code d_i = log(current_i / baseline_i)} of paired samples, where value i of each side was
 * measured next to the other's (same round, alternating runs). A speed factor shared by the two sides of a pair
 * cancels in its ratio; that is the point of pairing.
 *
 * <p>The ratio is divided before the logarithm is taken: a pair of equal values gives exactly 0, and a factor that
 * is a power of two leaves the ratio, so the whole analysis, bit for bit unchanged.
 */
final class LogRatios {

    private LogRatios() {
    }

    /** Why the two samples cannot be paired into log ratios, or null when they can. */
    static String problem(Sample baseline, Sample current) {
        if (baseline.size() != current.size()) {
            return String.format(Locale.ROOT, "samples of different sizes (%d vs %d) cannot be paired",
                    baseline.size(), current.size());
        }
        if (baseline.size() == 0) return "no pairs: no estimate";
        if (!baseline.allPositive() || !current.allPositive()) return "values not all positive: no ratio for a pair";
        return null;
    }

    /** The log ratios in pair order; only for samples without a {@link #problem}. */
    static double[] of(Sample baseline, Sample current) {
        double[] b = baseline.values();
        double[] c = current.values();
        double[] d = new double[b.length];
        for (int i = 0; i < d.length; i++) {
            double ratio = c[i] / b[i];
            // a ratio beyond the double range (values 1e300 apart) still has a finite logarithm
            d[i] = ratio > 0 && ratio < Double.POSITIVE_INFINITY ? Math.log(ratio) : Math.log(c[i]) - Math.log(b[i]);
        }
        return d;
    }
}
