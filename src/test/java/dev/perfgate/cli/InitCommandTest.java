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
    void scaffoldsAReadableSuiteAndAWorkflowThatCallsTheAction() throws IOException {
        CliRun run = CliRun.of("init", "bench/perf", "--root", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Suite suite = SuiteReader.readFolder(root.resolve("bench/perf"));
        assertThat(suite.benchmarks()).hasSize(1);
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("uses: " + CiTemplates.SOURCE, "suite: bench/perf", "comment: always",
                "history: perfgate-history/history.jsonl").doesNotContain("@SUITE@", "@ACTION@", "tools/perfgate.jar");
        assertThat(Files.readString(root.resolve("bench/perf/README.md"))).contains("`.github/workflows/performance.yml`")
                .doesNotContain("@");
    }

    @Test
    void theShardedWorkflowIsAMatrixAndAJudge() throws IOException {
        assertThat(CliRun.of("init", "--root", root.toString(), "--shards", "4").exitCode()).isZero();
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("shard: [1, 2, 3, 4]", "shard: ${{ matrix.shard }}/4", "needs: measure",
                "merge: perfgate-shards", "pattern: perfgate-shard-*").doesNotContain("@SHARD");
        CliRun tooMany = CliRun.of("init", "--root", root.resolve("x").toString(), "--shards", "17");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.errorLines()).contains("--shards 17: give a number of shards from 1 to 16");
    }

    @Test
    void gitlabGetsAGitlabCiFileThatBuildsPerfgateFromItsSource() throws IOException {
        assertThat(CliRun.of("init", "--root", root.toString(), "--ci", "gitlab", "--source", "acme/perfgate@v2")
                .exitCode()).isZero();
        String ci = Files.readString(root.resolve(".gitlab-ci.yml"));
        assertThat(ci).contains("PERFGATE_SUITE: \"perf\"", "PERFGATE_SOURCE: \"https://github.com/acme/perfgate.git\"",
                "PERFGATE_VERSION: \"v2\"", "junit: perfgate-out/reports/perfgate-junit.xml", "gitlab-note.sh",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA");
        assertThat(root.resolve(".github")).doesNotExist();
        CliRun sharded = CliRun.of("init", "--root", root.resolve("y").toString(), "--ci", "gitlab", "--shards", "2");
        assertThat(sharded.exitCode()).isEqualTo(2);
    }

    @Test
    void refusesASourceOrSuiteItCannotWriteSafely() {
        CliRun source = CliRun.of("init", "--root", root.toString(), "--source", "not a repo");
        assertThat(source.exitCode()).isEqualTo(2);
        assertThat(source.errorLines()).contains("--source not a repo: write the action as OWNER/REPO@REF");
        CliRun suite = CliRun.of("init", "my suite", "--root", root.toString());
        assertThat(suite.exitCode()).isEqualTo(2);
        assertThat(suite.errorLines()).contains("suite folder my suite: for the CI files, name it with letters");
        assertThat(root.resolve("my suite")).doesNotExist();
    }

    /** This repository gates its demo suite with the workflow users get, calling its own action. */
    @Test
    void thisRepositorysWorkflowIsTheOneInitWrites() throws IOException {
        assertThat(Files.readString(Path.of(".github/workflows/performance.yml")))
                .isEqualTo(CiTemplates.github("src/main/resources/suites/tviews", "./", 1));
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
