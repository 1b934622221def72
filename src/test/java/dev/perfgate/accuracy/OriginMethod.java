package dev.perfgate.accuracy;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.stat.inference.TTest;

/**
 * The origin document's {@code detect_regression} (seed file phase-3.3, Step 2), reimplemented faithfully:
 * the baseline keeps only {@code mean_ms}, {@code stddev_ms} ({@code np.std}, divisor n) and {@code n}; the
 * test re-simulates {@code n} normal baseline samples from them and runs scipy's default pooled-variance
 * {@code ttest_ind([current_mean] * n_current, baseline_samples, alternative='greater')}; a regression is
 * {@code p < 0.05 and percent_change > 0.10} with {@code percent_change} on the means.
 */
final class OriginMethod {

    private OriginMethod() {
    }

    static boolean isRegression(double[] baselineRun, double[] current, RandomDataGenerator rng) {
        double baselineMean = mean(baselineRun);
        double baselineStd = populationStd(baselineRun, baselineMean);
        double currentMean = mean(current);
        double percentChange = (currentMean - baselineMean) / baselineMean;

        double[] simulated = new double[baselineRun.length];
        for (int i = 0; i < simulated.length; i++) simulated[i] = rng.nextNormal(baselineMean, baselineStd);
        double[] repeated = new double[current.length];
        java.util.Arrays.fill(repeated, currentMean);

        TTest test = new TTest();
        double t = test.homoscedasticT(repeated, simulated);
        double twoSided = test.homoscedasticTTest(repeated, simulated);
        double greater = t > 0 ? twoSided / 2 : 1 - twoSided / 2;
        return greater < 0.05 && percentChange > 0.10;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    private static double populationStd(double[] values, double mean) {
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return Math.sqrt(sum / values.length);
    }
}
