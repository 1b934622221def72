package dev.perfgate.gate;

import dev.perfgate.analysis.Policy;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Allocations}: each benchmark's settings, the suite's share of the look time, --detect over detect=. */
class AllocationsTest {

    private static final Settings SUITE = Settings.fromOptions(40, 6, null, null, null);

    private static BenchmarkSpec spec(String name, Settings settings) {
        return new BenchmarkSpec(name, name + ".sql", settings, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aCheapBenchmarkGetsAQuarterSecondOfPairsInASmallSuiteAndItsShareOfTheLookBudgetInALargeOne() {
        BenchmarkSpec cheap = spec("q", Settings.EMPTY);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 1)
                .firstPass(cheap, 40, 0.0005, 60)).as("0.25 s at 0.5 ms a pair").isEqualTo(500);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 2)
                .firstPass(cheap, 40, 0.0005, 60)).as("0.2 s: 0.4 s shared by 2").isEqualTo(400);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 4)
                .firstPass(cheap, 40, 0.0005, 60)).as("0.1 s: 0.4 s shared by 4").isEqualTo(200);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 40)
                .firstPass(cheap, 40, 0.0005, 60)).as("0.01 s buys fewer than the iterations").isEqualTo(40);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, true, 4)
                .firstPass(cheap, 40, 0.0005, 60)).as("quick: the iterations").isEqualTo(40);
    }

    @Test
    void theCommandLinesTargetWinsOverTheBenchmarksAndTheSuites() {
        Settings suite = SUITE.with("detect", "3%", "_suite.sql", 1);
        BenchmarkSpec own = spec("own", Settings.EMPTY.with("detect", "1%", "own.sql", 1));
        BenchmarkSpec plain = spec("plain", Settings.EMPTY);
        Allocations fromFiles = new Allocations(suite, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 2);
        assertThat(fromFiles.target(own)).isEqualTo(0.01);
        assertThat(fromFiles.target(plain)).isEqualTo(0.03);
        Allocations option = new Allocations(suite, Settings.EMPTY, 4000, 0.02, Policy.DEFAULT, false, 2);
        assertThat(option.target(own)).isEqualTo(0.02);
        assertThat(new Allocations(SUITE, Settings.EMPTY, 4000, null, Policy.DEFAULT, false, 2).target(plain)).isNull();
    }
}
