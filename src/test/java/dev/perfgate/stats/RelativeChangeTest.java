package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RelativeChangeTest {

    /** Hand computations of {@code exp((log(1 + high) - log(1 + low)) / 2) - 1 = sqrt((1 + high) / (1 + low)) - 1}. */
    static Stream<Arguments> detectable() {
        return Stream.of(
                Arguments.of(-0.1, 0.2, Math.sqrt(1.2 / 0.9) - 1),
                // symmetric on the log scale: [1/1.1, 1.1] gives back 10 %, wherever the estimate lies
                Arguments.of(1 / 1.1 - 1, 0.1, 0.1),
                Arguments.of(0.3, 0.3, 0.0),
                Arguments.of(Double.NaN, Double.NaN, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("detectable")
    void detectableIsTheHalfWidthOnTheLogScale(double low, double high, double expected) {
        RelativeChange change = new RelativeChange(0.05, low, high, 0.95);
        if (Double.isNaN(expected)) assertThat(change.detectable()).isNaN();
        else assertThat(change.detectable()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void unpairedRankComparisonsHaveOneToo() {
        // HodgesLehmannTest's first reference: interval [-2/17, 0.4], so sqrt(1.4 / (15/17)) - 1 (hand)
        Comparison c = Comparison.ranks(
                Sample.of(1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1),
                Sample.of(1.25, 1.4, 1.5, 1.6, 1.75, 1.9, 2.1, 2.3), 0.95);
        assertThat(c.change().detectable()).isCloseTo(Math.sqrt(1.4 * 17 / 15) - 1, within(1e-12));
    }
}
