package dev.perfgate.cli;

import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {

    @TempDir
    Path root;

    @Test
    void scaffoldsAReadableSuiteAndAWorkflowThatPointsAtIt() throws IOException {
        CliRun run = CliRun.of("init", "bench/perf", "--root", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Suite suite = SuiteReader.readFolder(root.resolve("bench/perf"));
        assertThat(suite.benchmarks()).hasSize(1);
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("SUITE: \"bench/perf\"", "PERFGATE: \"java -jar tools/perfgate.jar\"",
                "gh pr comment").doesNotContain("@SUITE@", "@PERFGATE@");
        assertThat(run.out()).contains("perfgate baseline accept");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        assertThat(CliRun.of("init", "--root", root.toString()).exitCode()).isZero();
        Files.writeString(root.resolve("perf/example_update.sql"), "-- mine\n-- perfgate:run\nSELECT 1;\n");
        CliRun again = CliRun.of("init", "--root", root.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errorLines()).contains("already exists: move it away or pass --force");
        assertThat(Files.readString(root.resolve("perf/example_update.sql"))).startsWith("-- mine");
        assertThat(CliRun.of("init", "--root", root.toString(), "--force").exitCode()).isZero();
    }
}
