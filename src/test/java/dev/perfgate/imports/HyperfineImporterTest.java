package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HyperfineImporter} on real hyperfine 1.15 exports (see resources/imports/README.md). */
class HyperfineImporterTest {

    private final HyperfineImporter importer = new HyperfineImporter();

    @Test
    void oneBenchmarkPerCommandInMilliseconds() {
        ImportResult result = importer.importFile(ImportSamples.path("hyperfine-sleep.json"));
        ImportSamples.assertValid(result);
        RunResult run = result.run();
        assertThat(run.suite()).isEqualTo("hyperfine");
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name).containsExactly("sleep 0.01", "sleep 0.02");
        BenchmarkResult fast = run.benchmark("sleep 0.01").orElseThrow();
        assertThat(fast.unit()).isEqualTo("ms");
        assertThat(fast.direction()).isEqualTo(Direction.LOWER);
        assertThat(fast.samples()).hasSize(10);
        // first time in the file: 0.01102809866 s
        assertThat(fast.samples().get(0)).isCloseTo(11.02809866, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.benchmark("sleep 0.02").orElseThrow().samples())
                .allSatisfy(ms -> assertThat(ms).isBetween(20.0, 40.0)); // sleep 0.02 takes at least 20 ms
        assertThat(result.warnings()).isEmpty();
        assertThat(run.settings().iterations()).isEqualTo(10);
    }

    @Test
    void failedRunsAreDroppedWithAWarning() {
        ImportResult result = importer.importFile(ImportSamples.path("hyperfine-failing.json"));
        ImportSamples.assertValid(result);
        BenchmarkResult flaky = result.run().benchmarks().get(1);
        assertThat(flaky.name()).startsWith("sh -c 'n=$(cat hf.count");
        assertThat(flaky.samples()).hasSize(7); // exit codes [0,0,1,0,0,1,0,0,1,0]
        assertThat(result.run().benchmarks().get(0).samples()).hasSize(10);
        assertThat(result.warnings()).singleElement().asString()
                .contains("3 of 10 runs failed (non-zero exit code) and were left out");
    }

    @Test
    void aCommandThatAlwaysFailedIsAnError() {
        assertThatThrownBy(() -> importer.importFile(ImportSamples.path("hyperfine-allfail.json")))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("hyperfine-allfail.json:")
                .hasMessageContaining("results[0].exit_codes: command \"false\" failed in all 5 runs")
                .hasMessageContaining("fix the command");
    }

    @Test
    void parameterScanNamesCarryTheParameters() {
        RunResult run = importer.importFile(ImportSamples.path("hyperfine-scan.json")).run();
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name)
                .containsExactly("sleep 0.01 (t=1)", "sleep 0.02 (t=2)", "sleep 0.03 (t=3)");
    }

    @Test
    void aRunKilledBySignalHasNullExitCodeAndCountsAsFailed() {
        String json = """
                {"results": [{"command": "x", "times": [0.1, 0.2, 0.3], "exit_codes": [0, null, 0]}]}""";
        ImportResult result = importer.parse(json, "signal.json");
        assertThat(result.run().benchmarks().get(0).samples()).containsExactly(100.0, 300.0);
        assertThat(result.warnings()).singleElement().asString().contains("1 of 3 runs failed");
    }

    @Test
    void olderExportsWithoutExitCodesAreAllTakenAsSuccessful() {
        String json = """
                {"results": [{"command": "x", "times": [0.001, 0.002]}]}""";
        assertThat(importer.parse(json, "old.json").run().benchmarks().get(0).samples()).containsExactly(1.0, 2.0);
    }
}
