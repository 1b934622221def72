package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.RelativeChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BenchmarkComparison}: its builder's defaults and what it derives from its two parts. */
class BenchmarkComparisonTest {

    private static BenchmarkComparison.Sides sides(Direction direction) {
        return new BenchmarkComparison.Sides("q", "ms", direction, null, null);
    }

    @Test
    void builderDefaultsToNoTestNoCountersAndTheTimeVerdictIsTheVerdict() {
        BenchmarkComparison b = BenchmarkComparison.builder(sides(Direction.LOWER)).verdict(Verdict.NEW).build();
        assertThat(b.name()).isEqualTo("q");
        assertThat(b.statistics()).isEqualTo(BenchmarkComparison.Statistics.NONE);
        assertThat(b.timeVerdict()).isEqualTo(Verdict.NEW);
        assertThat(b.counters()).isNull();
        assertThat(b.notes()).isEmpty();
        assertThat(b.iterationsToDecide()).isNull();
        assertThat(b.detectable()).isNaN();
        assertThatThrownBy(() -> BenchmarkComparison.builder(sides(Direction.LOWER)).build())
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}: worse [{1}, {2}] detects {3}")
    @CsvSource({
            // the interval of the ratio 0.9 .. 1.1 (lower is better, kept): half of log(1.1 / 0.9) = 0.1003, exp - 1
            "LOWER,   -0.10,  0.10, 0.10554",
            // the same ratios for higher is better are worse = [-0.10, 0.10]: turned back first, the same answer
            "HIGHER,  -0.10,  0.10, 0.10554",
            // ratio 0.8 .. 1.0 of a speedup: worse [0, 0.2]; half of log(1.0 / 0.8) = 0.1116, exp - 1 = 0.11803
            "HIGHER,   0.00,  0.20, 0.11803",
    })
    void detectableIsTakenOnTheRatioWhateverTheDirection(Direction direction, double low, double high,
                                                         double detectable) {
        BenchmarkComparison b = BenchmarkComparison.builder(sides(direction))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_MANN_WHITNEY,
                        new RelativeChange((low + high) / 2, low, high, 0.95), 0.5, 0.5, null))
                .verdict(Verdict.OK).build();
        assertThat(b.detectable()).isCloseTo(detectable, within(1e-5));
    }

    @Test
    void failedOnCountersWhenOnlyTheCountersRegressed() {
        BenchmarkComparison.Builder b = BenchmarkComparison.builder(sides(Direction.LOWER)).notes(List.of("n"));
        assertThat(b.verdict(Verdict.REGRESSION).timeVerdict(Verdict.OK).build().failedOnCounters()).isTrue();
        assertThat(b.verdict(Verdict.REGRESSION).timeVerdict(Verdict.REGRESSION).build().failedOnCounters()).isFalse();
        assertThat(b.verdict(Verdict.WARNING).timeVerdict(Verdict.OK).build().failedOnCounters()).isFalse();
    }
}
