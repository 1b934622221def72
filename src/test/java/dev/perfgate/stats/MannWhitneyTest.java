package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;

import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MannWhitneyTest {

    /**
     * Expected p-values from scipy 1.17 {@code mannwhitneyu(x, y, use_continuity=True, alternative='two-sided',
     * method=...)}, which matches R's {@code wilcox.test(x, y, correct = TRUE)}.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                // Hollander & Wolfe's depression data (R's wilcox.test example), unpaired; ties: asymptotic
                Arguments.of(new double[] {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30},
                        new double[] {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29}, 0.13291945818531892),
                // heavy ties, tie-corrected variance
                Arguments.of(new double[] {1, 2, 2, 3, 3, 3, 4, 5}, new double[] {3, 4, 4, 5, 5, 6, 7, 7, 8, 9},
                        0.0040649226851805316),
                // small and tie-free: method='exact'
                Arguments.of(new double[] {1.1, 2.2, 3.3, 4.4, 5.5, 6.6}, new double[] {4.5, 5.7, 6.8, 7.9, 8.1, 9.2, 10.3},
                        0.008158508158508158),
                // np.round(np.linspace(1, 2, 20), 3) vs np.round(np.linspace(1.3, 2.4, 25), 3): asymptotic
                Arguments.of(linspace(1, 2, 20), linspace(1.3, 2.4, 25), 0.002293333966667361));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesScipy(double[] x, double[] y, double expected) {
        assertThat(MannWhitney.pValue(Sample.of(x), Sample.of(y))).isCloseTo(expected, within(1e-12));
        assertThat(MannWhitney.pValue(Sample.of(y), Sample.of(x))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void agreesWithHipparchusNormalApproximation() {
        Random random = new Random(42);
        MannWhitneyUTest hipparchus = new MannWhitneyUTest();
        for (int trial = 0; trial < 200; trial++) {
            double[] x = draw(random, 5 + random.nextInt(100), random.nextInt(3));
            double[] y = draw(random, 11 + random.nextInt(40), random.nextInt(3));
            assertThat(MannWhitney.pValue(Sample.of(x), Sample.of(y)))
                    .isCloseTo(hipparchus.mannWhitneyUTest(x, y, false), within(1e-12));
        }
    }

    @Test
    void identicalSamplesGiveOne() {
        Sample same = Sample.of(1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2);
        assertThat(MannWhitney.pValue(same, same)).isEqualTo(1.0);
        assertThat(MannWhitney.pValue(Sample.of(), same)).isNaN();
    }

    private static double[] draw(Random random, int n, int decimals) {
        double[] values = new double[n];
        double scale = Math.pow(10, decimals);
        for (int i = 0; i < n; i++) values[i] = Math.round(Math.exp(random.nextGaussian()) * scale) / scale;
        return values;
    }

    private static double[] linspace(double from, double to, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = Math.round((from + (to - from) * i / (n - 1)) * 1000) / 1000.0;
        return values;
    }
}
