package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HodgesLehmannTest {

    /**
     * Expected values computed independently with numpy 2.4 / scipy 1.17 from the definitions: the median of all
     * pairwise differences (of logarithms when all values are positive) and the order statistics
     * {@code D(k), D(mn + 1 - k)} with {@code k = floor(mn/2 + 1/2 - z(0.975) sd(U))}, sd(U) tie-corrected
     * (Hollander, Wolfe &amp; Chicken 2014, 4.3); k is given to pin the rank too.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(new double[] {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1},
                        new double[] {1.25, 1.4, 1.5, 1.6, 1.75, 1.9, 2.1, 2.3}, 23,
                        0.11143786045242263, -0.1176470588235294, 0.4),
                // ties on both sides
                Arguments.of(new double[] {1, 2, 2, 3, 3, 3, 4, 5}, new double[] {3, 4, 4, 5, 5, 6, 7, 7, 8, 9}, 18,
                        1.0, 0.33333333333333315, 2.0000000000000004),
                // a zero: raw differences relative to the baseline median 1.25 (0.9 / 1.25, -0.6 / 1.25, 2.4 / 1.25)
                Arguments.of(new double[] {0.0, 0.5, 1.0, 1.5, 2.0, 2.5}, new double[] {0.7, 1.2, 1.9, 2.4, 3.1, 3.6}, 6,
                        0.72, -0.48, 1.92));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesDefinition(double[] baseline, double[] current, int k, double estimate, double low, double high) {
        Estimate e = HodgesLehmann.relativeChange(Sample.of(baseline), Sample.of(current), 0.95);
        boolean positive = Sample.of(baseline).allPositive();
        double[] b = positive ? logs(baseline) : Sample.of(baseline).sorted();
        double[] c = positive ? logs(current) : Sample.of(current).sorted();
        assertThat(HodgesLehmann.lowerRank(b, c, 0.95)).isEqualTo(k);
        assertThat(e.change().estimate()).isCloseTo(estimate, within(1e-12));
        assertThat(e.change().low()).isCloseTo(low, within(1e-12));
        assertThat(e.change().high()).isCloseTo(high, within(1e-12));
    }

    @Test
    void exactScalingGivesTheScaleFactor() {
        // hand computation: log(1.2 b_i) - log(b_j) is symmetric around log 1.2, so the median is exactly +20 %
        double[] baseline = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] current = new double[baseline.length];
        for (int i = 0; i < baseline.length; i++) current[i] = 1.2 * baseline[i];
        Estimate e = HodgesLehmann.relativeChange(Sample.of(baseline), Sample.of(current), 0.95);
        assertThat(e.change().estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(e.change().low()).isLessThan(0.2);
        assertThat(e.change().high()).isGreaterThan(0.2);
    }

    @Test
    void identicalSamplesGiveZeroChangeAndZeroWidth() {
        Sample same = Sample.of(1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2);
        RelativeChange change = HodgesLehmann.relativeChange(same, same, 0.95).change();
        assertThat(change.estimate()).isZero();
        assertThat(change.low()).isZero();
        assertThat(change.high()).isZero();
    }

    @Test
    void tooFewSamplesGiveNoIntervalAndAWarning() {
        Estimate e = HodgesLehmann.relativeChange(Sample.of(1.0, 1.1), Sample.of(1.2, 1.3), 0.95);
        assertThat(e.change().estimate()).isCloseTo(Math.sqrt(1.2 * 1.3 / (1.0 * 1.1)) - 1, within(1e-12));
        assertThat(e.change().hasInterval()).isFalse();
        assertThat(e.warnings()).containsExactly("too few samples (2 vs 2) for a 95 % interval");
    }

    @Test
    void nonPositiveBaselineMedianGivesNoRelativeChange() {
        Estimate e = HodgesLehmann.relativeChange(Sample.of(0, 0, 0, 1), Sample.of(1, 2, 3, 4), 0.95);
        assertThat(e.change().estimate()).isNaN();
        assertThat(e.warnings()).anyMatch(w -> w.contains("baseline median is not positive"));
    }

    private static double[] logs(double[] values) {
        double[] sorted = Sample.of(values).sorted();
        for (int i = 0; i < sorted.length; i++) sorted[i] = Math.log(sorted[i]);
        return sorted;
    }
}
