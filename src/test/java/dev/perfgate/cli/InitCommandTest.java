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

    /**
     * An extension project's workflow builds the extension at the base and the head into two staged trees and gives
     * both to the action; its suite loads the extension, with the preload line commented out until it is needed.
     */
    @Test
    void anExtensionProjectGetsBuildsOnBothSidesAndASuiteThatLoadsIt() throws IOException {
        Files.writeString(root.resolve("pg_tviews.control"), "default_version = '1.0'\n");
        CliRun run = CliRun.of("init", "--root", root.toString(), "--extension", "pgxs");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--pg-bin $(pg_config --bindir) --extension STAGE");
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("postgresql: [17]", "apt.postgresql.org.sh",
                "git worktree add --detach --quiet \"$RUNNER_TEMP/base\" \"$BASE_SHA\"",
                "make -C \"$1\" PG_CONFIG=\"$PG_CONFIG\" install DESTDIR=\"$2\"",
                "pg-bin: ${{ steps.postgresql.outputs.bindir }}", "extension: ${{ runner.temp }}/head-stage",
                "against-extension: ${{ runner.temp }}/base-stage", "history: perfgate-history/pg${{ matrix.postgresql "
                        + "}}.jsonl", "The extension: pg_tviews (pgxs)")
                .doesNotContain("cargo pgrx").doesNotContainPattern("@[A-Z_]+@");
        assertThat(Files.readString(root.resolve("perf/README.md"))).contains("--extension head-stage "
                + "--against-extension base-stage", "builds pg_tviews at its base commit").doesNotContain("@");
        Path suiteFile = root.resolve("perf/_suite.sql");
        String text = Files.readString(suiteFile);
        assertThat(text).contains("CREATE EXTENSION pg_tviews;", "DROP EXTENSION pg_tviews;");
        Suite suite = SuiteReader.readFolder(root.resolve("perf"));
        assertThat(suite.serverSettings()).isEmpty();
        assertThat(suite.setup().toString()).contains("CREATE EXTENSION pg_tviews");
        Files.writeString(suiteFile, text.replace("-- -- perfgate:server", "-- perfgate:server"));
        assertThat(SuiteReader.readFolder(root.resolve("perf")).serverSettings())
                .containsEntry("shared_preload_libraries", "pg_tviews");
    }

    @Test
    void aPgrxProjectIsPackagedAndRecordedOnEachMajor() throws IOException {
        CliRun run = CliRun.of("init", "--root", root.toString(), "--extension", "pgrx", "--extension-name", "tv",
                "--postgresql", "17,16,17");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("postgresql: [17]", "postgresql: [16, 17]", "cargo pgrx package --pg-config "
                + "\"$PG_CONFIG\" --out-dir \"$2\"", "--features \"pg$PG_MAJOR\"", "cargo install --locked --force "
                + "cargo-pgrx --version \"$version\"", "hashFiles('Cargo.lock')").doesNotContainPattern("@[A-Z_]+@");
        CliRun gitlab = CliRun.of("init", "--root", root.resolve("g").toString(), "--ci", "gitlab", "--extension",
                "pgrx", "--extension-name", "tv", "--postgresql", "15,18");
        assertThat(gitlab.exitCode()).as(gitlab.err()).isZero();
        assertThat(Files.readString(root.resolve("g/.gitlab-ci.yml"))).contains("PG_MAJOR: \"18\"",
                "- PG_MAJOR: [\"15\", \"18\"]", "git worktree add --detach --quiet \"$STAGES/base-tree\" "
                        + "\"$PR_BASE_SHA\"", "export INPUT_EXTENSION=\"$STAGES/head\" INPUT_AGAINST_EXTENSION="
                        + "\"$STAGES/base\"", "sh.rustup.rs", "INPUT_HISTORY=\"perfgate-history/pg$PG_MAJOR.jsonl\"")
                .doesNotContain("sudo").doesNotContainPattern("@[A-Z_]+@");
    }

    @Test
    void anExtensionProjectsBadInputsAreOneLine() {
        CliRun noControl = CliRun.of("init", "--root", root.toString(), "--extension", "pgxs");
        assertThat(noControl.exitCode()).isEqualTo(2);
        assertThat(noControl.errorLines()).contains("--extension: no single .control file in " + root
                + ": pass --extension-name NAME").hasLineCount(1);
        CliRun oldMajor = CliRun.of("init", "--root", root.toString(), "--extension", "pgxs", "--extension-name",
                "x", "--postgresql", "12");
        assertThat(oldMajor.errorLines()).contains("--postgresql 12: perfgate starts PostgreSQL 13 to 18");
        CliRun noExtension = CliRun.of("init", "--root", root.toString(), "--postgresql", "16");
        assertThat(noExtension.exitCode()).isEqualTo(2);
        assertThat(noExtension.errorLines()).contains("add --extension pgxs or --extension pgrx");
        CliRun sharded = CliRun.of("init", "--root", root.toString(), "--extension", "pgxs", "--extension-name", "x",
                "--shards", "2");
        assertThat(sharded.errorLines()).contains("--shards is not for --extension");
        CliRun badName = CliRun.of("init", "--root", root.toString(), "--extension", "pgxs", "--extension-name",
                "x; rm");
        assertThat(badName.errorLines()).contains("--extension-name x; rm: an extension's name is letters");
        assertThat(root.resolve("perf")).doesNotExist();
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
