package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HolmTest {

    /** Expected values as R's {@code p.adjust(p, method = "holm")} gives them, checked by hand. */
    static Stream<Arguments> references() {
        return Stream.of(
                // sorted: 5 x 0.01, 4 x 0.02, 3 x 0.03, then the running maximum 0.09
                Arguments.of(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}, new double[] {0.05, 0.08, 0.09, 0.09, 0.09}),
                // unsorted input: 4 x 0.005 = 0.02, 3 x 0.01 = 0.03, 2 x 0.03 = 0.06, 1 x 0.04 -> 0.06
                Arguments.of(new double[] {0.03, 0.04, 0.005, 0.01}, new double[] {0.06, 0.06, 0.02, 0.03}),
                // capped at 1
                Arguments.of(new double[] {0.5, 0.9}, new double[] {1.0, 1.0}),
                // NaN (no test) is left out of the family: 2 x 0.01, 1 x 0.2
                Arguments.of(new double[] {0.01, Double.NaN, 0.2}, new double[] {0.02, Double.NaN, 0.2}),
                Arguments.of(new double[] {0.3}, new double[] {0.3}),
                Arguments.of(new double[] {}, new double[] {}));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesR(double[] p, double[] expected) {
        double[] adjusted = Holm.adjust(p);
        assertThat(adjusted).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) assertThat(adjusted[i]).isNaN();
            else assertThat(adjusted[i]).isCloseTo(expected[i], within(1e-15));
        }
    }
}
