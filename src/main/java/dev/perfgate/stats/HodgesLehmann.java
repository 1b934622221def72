package dev.perfgate.stats;

import java.util.List;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Hodges-Lehmann estimate of the shift between two samples with its distribution-free confidence interval,
 * turned into a relative change.
 *
 * <p>Method: the shift estimate is the median of all {@code m * n} differences {@code current_i - baseline_j}
 * (Hodges &amp; Lehmann 1963, Ann. Math. Statist. 34:598); the interval is the pair of order statistics of
 * those differences that inverts the Mann-Whitney test (Moses 1965; Hollander, Wolfe &amp; Chicken,
 * <i>Nonparametric Statistical Methods</i>, 3rd ed., 2014, section 4.3): {@code [D(k), D(mn + 1 - k)]} with
 * {@code k = round(mn/2 - z * sd(U))}, {@code sd(U)} tie-corrected. It is robust to stalls and outliers
 * (breakdown point about 29 %), is deterministic (no resampling, so no seed), and agrees with the
 * {@link MannWhitney} test up to its continuity correction (0 lies outside the interval about when
 * p &lt; 1 - confidence).
 *
 * <p>When every value is positive the differences are taken on logarithms, so the shift is a ratio and the
 * result is {@code exp(shift) - 1}: latencies vary multiplicatively. Otherwise the shift is taken on the raw
 * values and divided by the baseline median.
 */
public final class HodgesLehmann {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private HodgesLehmann() {
    }

    /** The estimate and interval with any caveats; see the class comment. */
    public static Estimate relativeChange(Sample baseline, Sample current, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence: " + confidence);
        if (baseline.size() == 0 || current.size() == 0) {
            return new Estimate(RelativeChange.unknown(confidence), List.of("no samples: no estimate"));
        }
        boolean logScale = baseline.allPositive() && current.allPositive();
        double[] b = logScale ? logs(baseline.sorted()) : baseline.sorted();
        double[] c = logScale ? logs(current.sorted()) : current.sorted();
        double[] d = differences(b, c);
        double shift = median(d);
        int k = lowerRank(b, c, confidence);
        double lo = k >= 1 ? RankStatistics.select(d, k) : Double.NaN;
        double hi = k >= 1 ? RankStatistics.select(d, d.length + 1 - k) : Double.NaN;
        List<String> warnings = k >= 1 ? List.of() : List.of(String.format(java.util.Locale.ROOT,
                "too few samples (%d vs %d) for a %.0f %% interval", b.length, c.length, confidence * 100));
        if (logScale) {
            return new Estimate(new RelativeChange(Math.expm1(shift), Math.expm1(lo), Math.expm1(hi), confidence),
                    warnings);
        }
        return relativeToMedian(baseline, shift, lo, hi, confidence, warnings);
    }

    private static Estimate relativeToMedian(Sample baseline, double shift, double lo, double hi, double confidence,
                                           List<String> warnings) {
        double median = Summary.quantile(baseline.sorted(), 0.5);
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add("samples not all positive: change measured as a difference relative to the baseline median");
        if (!(median > 0)) {
            all.add("baseline median is not positive: no relative change");
            return new Estimate(RelativeChange.unknown(confidence), all);
        }
        return new Estimate(new RelativeChange(shift / median, lo / median, hi / median, confidence), all);
    }

    /** The 1-based rank {@code k} of the lower bound among the sorted differences; &lt; 1 when none exists. */
    static int lowerRank(double[] sortedBaseline, double[] sortedCurrent, double confidence) {
        double mn = (double) sortedBaseline.length * sortedCurrent.length;
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double sdU = Math.sqrt(RankStatistics.varianceU(sortedBaseline, sortedCurrent));
        return (int) Math.floor(mn / 2 + 0.5 - z * sdU);
    }

    /** The median of all values, reordering the array. */
    private static double median(double[] d) {
        int n = d.length;
        double upper = RankStatistics.select(d, n / 2 + 1);
        return n % 2 == 1 ? upper : (upper + RankStatistics.select(d, n / 2)) / 2;
    }

    private static double[] differences(double[] baseline, double[] current) {
        double[] d = new double[baseline.length * current.length];
        int i = 0;
        for (double c : current) {
            for (double b : baseline) d[i++] = c - b;
        }
        return d;
    }

    private static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.log(values[i]);
        return out;
    }
}
