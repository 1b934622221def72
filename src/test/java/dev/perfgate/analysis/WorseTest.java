package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.RelativeChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Worse}: the one place a change {@code current / baseline - 1} becomes positive = worse. */
class WorseTest {

    @ParameterizedTest(name = "{0} {1}: {2} [{3}, {4}] -> {5} [{6}, {7}]")
    @CsvSource({
            // case,                    direction, estimate, low,   high,  worse, low,   high
            // latency 1 ms -> 1.3 ms: slower is worse, kept as it is
            "slower latency,             LOWER,     0.30,    0.25,  0.35,  0.30,  0.25,  0.35",
            "faster latency,             LOWER,    -0.20,   -0.25, -0.15, -0.20, -0.25, -0.15",
            // speedup 2.3 -> 2.0 is -13 % of the ratio: a drop is worse, so +13 %, the interval's ends swapped
            "dropping speedup,           HIGHER,   -0.13,   -0.16, -0.10,  0.13,  0.10,  0.16",
            "rising throughput,          HIGHER,    0.17,    0.12,  0.22, -0.17, -0.22, -0.12",
            "no interval,                HIGHER,    0.05,    NaN,   NaN,  -0.05,  NaN,   NaN",
    })
    void positiveMeansWorse(String name, Direction direction, double estimate, double low, double high,
                            double worse, double worseLow, double worseHigh) {
        RelativeChange bad = Worse.positive(new RelativeChange(estimate, low, high, 0.95), direction);
        assertThat(bad).isEqualTo(new RelativeChange(worse, worseLow, worseHigh, 0.95));
        assertThat(Worse.positive(estimate, direction)).isEqualTo(worse);
    }

    @Test
    void turningTwiceGivesTheChangeBack() {
        RelativeChange change = new RelativeChange(-0.13, -0.16, -0.10, 0.9);
        for (Direction d : Direction.values()) {
            assertThat(Worse.positive(Worse.positive(change, d), d)).isEqualTo(change);
        }
    }
}
