package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryTest {

    /**
     * Expected values from numpy 2.4 / scipy 1.17: {@code np.median}, {@code mean}, {@code std(ddof=1)},
     * {@code np.percentile(x, 95|99)} (default "linear" = R type 7), {@code scipy.stats.median_abs_deviation}
     * (unscaled).
     */
    static Stream<Arguments> references() {
        return Stream.of(
                // n, median, mean, stddev, min, max, p95, p99, mad
                Arguments.of(new double[] {1, 2, 3, 4, 5}, 5, 3.0, 3.0, 1.5811388300841898, 1, 5, 4.8, 4.96, 1.0),
                Arguments.of(new double[] {1.21, 1.19, 1.25, 1.18, 1.40, 1.22, 1.20, 1.31}, 8, 1.215, 1.245,
                        0.07502380574571933, 1.18, 1.40, 1.3685, 1.3937, 0.03),
                Arguments.of(new double[] {3, 1, 2, 10}, 4, 2.5, 4.0, 4.08248290463863, 1, 10, 8.95, 9.79, 1.0),
                Arguments.of(oneToHundred(), 100, 50.5, 50.5, 29.011491975882016, 1, 100, 95.05, 99.01, 25.0));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesNumpy(double[] values, int n, double median, double mean, double stddev, double min, double max,
                      double p95, double p99, double mad) {
        Summary s = Summary.of(Sample.of(values));
        assertThat(s.n()).isEqualTo(n);
        assertThat(s.median()).isCloseTo(median, within(1e-12));
        assertThat(s.mean()).isCloseTo(mean, within(1e-12));
        assertThat(s.stddev()).isCloseTo(stddev, within(1e-12));
        assertThat(s.min()).isEqualTo(min);
        assertThat(s.max()).isEqualTo(max);
        assertThat(s.p95()).isCloseTo(p95, within(1e-12));
        assertThat(s.p99()).isCloseTo(p99, within(1e-12));
        assertThat(s.mad()).isCloseTo(mad, within(1e-12));
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void tooFewValuesAreWarningsNotErrors() {
        assertThat(Summary.of(Sample.of()).warnings()).containsExactly("no samples");
        Summary one = Summary.of(Sample.of(2.5));
        assertThat(one.median()).isEqualTo(2.5);
        assertThat(one.p99()).isEqualTo(2.5);
        assertThat(one.stddev()).isNaN();
        assertThat(one.warnings()).containsExactly("one sample: no standard deviation");
    }

    @Test
    void identicalValuesHaveZeroSpread() {
        Summary s = Summary.of(Sample.of(1.2, 1.2, 1.2));
        assertThat(s.stddev()).isZero();
        assertThat(s.mad()).isZero();
    }

    @Test
    void momentsOnlySummaryLeavesTheRestUnknown() {
        Summary s = Summary.ofMoments(100, 1.2, 0.08, 1.35);
        assertThat(s.mean()).isEqualTo(1.2);
        assertThat(s.p95()).isEqualTo(1.35);
        assertThat(s.median()).isNaN();
        assertThat(s.warnings()).hasSize(1);
    }

    @Test
    void sampleIsImmutable() {
        double[] values = {3, 1, 2};
        Sample sample = Sample.of(values);
        values[0] = 99;
        sample.values()[1] = 99;
        assertThat(sample.values()).containsExactly(3, 1, 2);
        assertThat(sample.sorted()).containsExactly(1, 2, 3);
        assertThat(sample).isEqualTo(Sample.of(3, 1, 2));
    }

    private static double[] oneToHundred() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) values[i] = 100 - i;
        return values;
    }
}
