package dev.perfgate.cli;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} and {@code check} end to end, in-process, on the bundled demo suite and a real embedded server. */
class RunAndCheckIT {

    @TempDir
    Path dir;

    @Test
    void checkRunsTheDemoSuiteAndWritesAValidResultsFile() {
        Path results = dir.resolve("out/results.json");
        CliRun run = CliRun.of("check", "--iterations", "3", "--warmup", "1", "-o", results.toString(),
                "--history", dir.resolve("h.jsonl").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("single_row_update", "cascade_10_entities", "bulk_1k_rows", "jsonb_ivm_speedup",
                "median", "p95", "spread", "NO BASELINE");
        RunResult r = ResultsJson.read(results);
        assertThat(r.suite()).isEqualTo("tviews");
        assertThat(r.benchmarks()).hasSize(4).allSatisfy(b -> assertThat(b.samples()).hasSize(3));
        BenchmarkResult speedup = r.benchmark("jsonb_ivm_speedup").orElseThrow();
        assertThat(speedup.direction()).isEqualTo(Direction.HIGHER);
        assertThat(speedup.unit()).isEqualTo("x");
        assertThat(r.environment().postgresql().version()).startsWith("18");
        assertThat(r.environment().postgresql().settings()).containsEntry("synchronous_commit", "on");
        assertThat(r.environment().fingerprint()).hasSize(16);
        assertThat(r.settings().iterations()).isEqualTo(3);
        assertThat(r.settings().extra()).containsEntry("scale", 1);
    }

    @Test
    void runWritesResultsForAUserSuiteFolder() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("mysuite"));
        Files.writeString(suite.resolve("select_one.sql"), "-- perfgate: iterations=5 warmup=1\n-- perfgate:run\nSELECT 1;\n");
        Path results = dir.resolve("r.json");
        CliRun run = CliRun.of("run", suite.toString(), "-o", results.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ResultsJson.read(results).benchmarks()).singleElement()
                .satisfies(b -> assertThat(b.samples()).hasSize(5));
    }
}
