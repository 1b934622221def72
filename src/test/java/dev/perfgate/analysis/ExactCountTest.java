package dev.perfgate.analysis;

import static dev.perfgate.analysis.Runs.constant;
import static dev.perfgate.analysis.Runs.list;
import static dev.perfgate.analysis.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact counts (imported allocation counts) are judged by the counter rule on the medians, in both directions, and
 * their change is the medians' ratio, positive = worse.
 */
class ExactCountTest {

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}, change {4}")
    @CsvSource({
            // direction, base, current, verdict,     change (positive = worse, by hand)
            "LOWER,       100,  120,     REGRESSION,  0.20",
            "LOWER,       100,  80,      IMPROVEMENT, -0.20",
            "LOWER,       100,  101,     OK,          0.01",
            // 0 -> 4,096 bytes per operation: a regression, though no ratio exists
            "LOWER,       0,    4096,    REGRESSION,  NaN",
            "HIGHER,      100,  80,      REGRESSION,  0.20",
            "HIGHER,      100,  120,     IMPROVEMENT, -0.20",
            "HIGHER,      100,  100,     OK,          0.0",
    })
    void judgedByTheCounterRuleInTheBadDirection(Direction direction, double base, double current, Verdict verdict,
                                                  double change) {
        BenchmarkComparison b = RegressionCheck.compare(run(count(direction, base)), run(count(direction, current)),
                Policy.DEFAULT).benchmarks().get(0);
        assertThat(b.verdict()).isEqualTo(verdict);
        if (Double.isNaN(change)) assertThat(b.statistics().change().estimate()).isNaN();
        else assertThat(b.statistics().change().estimate()).isCloseTo(change, within(1e-12));
        assertThat(b.statistics().method()).isNull();
        assertThat(b.notes().get(0)).startsWith("exact count, judged by a 2% tolerance");
    }

    private static BenchmarkResult count(Direction direction, double value) {
        return new BenchmarkResult("alloc", "B/op", direction, list(constant(30, value)), null, null, true);
    }
}
