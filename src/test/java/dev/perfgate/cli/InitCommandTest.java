package dev.perfgate.cli;

import dev.perfgate.gate.CiSource;
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
        assertThat(workflow).contains("uses: " + CiSource.PLACEHOLDER, "suite: bench/perf", "comment: always",
                "history: perfgate-history/history.jsonl").doesNotContain("@SUITE@", "@ACTION@", "tools/perfgate.jar");
        assertThat(Files.readString(root.resolve("bench/perf/README.md"))).contains("`.github/workflows/performance.yml`")
                .doesNotContain("@");
    }

    /**
     * Until perfgate is published, the default source is a placeholder: init says so loudly, and so does the file,
     * right above each line that names it (issue 22, item 6: it used to write OWNER/perfgate@v1 without a word).
     */
    @Test
    void thePlaceholderSourceIsToldLoudly() throws IOException {
        CliRun run = CliRun.of("init", "--root", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("WARNING: perfgate is not published yet", "--source URL@COMMIT",
                "--source OWNER/REPO@COMMIT", "\"Wiring CI\"");
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).containsPattern("# PLACEHOLDER: perfgate is not published yet.*\n(?: *#.*\n)*"
                + " *- uses: OWNER/perfgate@v1");
        assertThat(workflow.split("# PLACEHOLDER", -1)).hasSize(3); // above both calls: the gate and the record job
        CliRun gitlab = CliRun.of("init", "--root", root.resolve("g").toString(), "--ci", "gitlab");
        assertThat(gitlab.out()).contains("WARNING: perfgate is not published yet");
        assertThat(Files.readString(root.resolve("g/.gitlab/perfgate.gitlab-ci.yml")))
                .containsPattern("# PLACEHOLDER.*\n(?: *#.*\n)* *PERFGATE_SOURCE: \"https://github.com/OWNER/");
        CliRun named = CliRun.of("init", "--root", root.resolve("n").toString(), "--source", "acme/perfgate@v2");
        assertThat(named.out()).doesNotContain("WARNING");
        assertThat(Files.readString(root.resolve("n/.github/workflows/performance.yml")))
                .contains("uses: acme/perfgate@v2").doesNotContain("PLACEHOLDER");
    }

    /**
     * {@code --source URL@REF}: the workflow checks perfgate's repository out at that ref into the workspace and calls
     * the checkout as a local action, which builds perfgate from it; GitLab fetches the same ref.
     */
    @Test
    void aGitUrlSourceIsCheckedOutAtItsRef() throws IOException {
        String source = "https://git.example.com/tools/perfgate.git@0123456789abcdef0123456789abcdef01234567";
        CliRun run = CliRun.of("init", "--root", root.toString(), "--source", source);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("WARNING");
        String workflow = Files.readString(root.resolve(".github/workflows/performance.yml"));
        assertThat(workflow).contains("PERFGATE_SOURCE: \"https://git.example.com/tools/perfgate.git\"",
                "PERFGATE_REF: \"0123456789abcdef0123456789abcdef01234567\"",
                "git -C .perfgate/src fetch --quiet --depth 1 \"$PERFGATE_SOURCE\" \"$PERFGATE_REF\"",
                "- uses: ./.perfgate/src").doesNotContain("OWNER", "@ACTION@", "@SOURCE");
        assertThat(workflow.split("- name: Check out perfgate", -1)).hasSize(3);
        CliRun gitlab = CliRun.of("init", "--root", root.resolve("g").toString(), "--ci", "gitlab", "--source",
                "git@git.example.com:tools/perfgate.git@v1.2");
        assertThat(gitlab.exitCode()).as(gitlab.err()).isZero();
        assertThat(Files.readString(root.resolve("g/.gitlab/perfgate.gitlab-ci.yml"))).contains(
                "PERFGATE_SOURCE: \"git@git.example.com:tools/perfgate.git\"", "PERFGATE_VERSION: \"v1.2\"",
                "fetch --quiet --depth 1 \"$PERFGATE_SOURCE\" \"$PERFGATE_VERSION\"").doesNotContain("--branch");
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
        assertThat(Files.readString(root.resolve(".gitlab-ci.yml")))
                .isEqualTo("include:\n  - local: .gitlab/perfgate.gitlab-ci.yml\n");
        String ci = Files.readString(root.resolve(".gitlab/perfgate.gitlab-ci.yml"));
        assertThat(ci).contains("PERFGATE_SUITE: \"perf\"", "PERFGATE_SOURCE: \"https://github.com/acme/perfgate.git\"",
                "PERFGATE_VERSION: \"v2\"", "junit: perfgate-out/reports/perfgate-junit.xml", "gitlab-note.sh",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA");
        // main's drift steps (issue 21), as the GitHub action runs them: parent before the check, ledger and the
        // commit's own gate after it
        String main = ci.substring(ci.indexOf("perfgate:main:"));
        assertThat(main).containsSubsequence("INPUT_DRIFT_STEP=parent", "export INPUT_ARGS", "scripts/ci/check.sh",
                "INPUT_DRIFT_STEP=ledger", "scripts/ci/gate.sh", "export PARENT_EXIT_CODE", "INPUT_DRIFT_STEP=gate");
        assertThat(ci.substring(0, ci.indexOf("perfgate:main:"))).doesNotContain("INPUT_DRIFT_STEP");
        assertThat(root.resolve(".github")).doesNotExist();
        CliRun sharded = CliRun.of("init", "--root", root.resolve("y").toString(), "--ci", "gitlab", "--shards", "2");
        assertThat(sharded.exitCode()).isEqualTo(2);
    }

    @Test
    void refusesASourceOrSuiteItCannotWriteSafely() {
        for (String bad : new String[] {"not a repo", "https://git.example.com/perfgate.git", "acme/perfgate",
                "https://x/p.git@-rf", "https://x/\"p\".git@v1", "https://x/$(id).git@v1", "acme/perfgate@a..b"}) {
            CliRun source = CliRun.of("init", "--root", root.toString(), "--source", bad);
            assertThat(source.exitCode()).as(bad).isEqualTo(2);
            assertThat(source.errorLines()).as(bad).startsWith("perfgate: --source " + bad + ": give OWNER/REPO@REF")
                    .hasLineCount(1);
        }
        assertThat(root.resolve("perf")).doesNotExist();
        CliRun suite = CliRun.of("init", "my suite", "--root", root.toString());
        assertThat(suite.exitCode()).isEqualTo(2);
        assertThat(suite.errorLines()).contains("suite folder my suite: for the CI files, name it with letters");
        assertThat(root.resolve("my suite")).doesNotExist();
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
        assertThat(Files.readString(root.resolve("g/.gitlab/perfgate.gitlab-ci.yml"))).contains("PG_MAJOR: \"18\"",
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

    /**
     * {@code --force} overwrites perfgate's CI file and says so, and never a suite's file: {@code init --force} on a
     * project with an edited suite used to overwrite its {@code _suite.sql} and print "created" (issue 22, item 5).
     */
    @Test
    void forceOverwritesTheCiFileAndNeverTheSuite() throws IOException {
        assertThat(CliRun.of("init", "--root", root.toString(), "--ci", "gitlab").exitCode()).isZero();
        Path suiteFile = root.resolve("perf/_suite.sql");
        Files.writeString(suiteFile, "-- mine\n");
        Path ciFile = root.resolve(".gitlab/perfgate.gitlab-ci.yml");
        Files.writeString(ciFile, Files.readString(ciFile) + "# my edit\n");
        CliRun again = CliRun.of("init", "--root", root.toString(), "--ci", "gitlab");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errorLines()).contains(ciFile + " already exists: pass --force to overwrite it").hasLineCount(1);
        assertThat(Files.readString(ciFile)).endsWith("# my edit\n");

        CliRun forced = CliRun.of("init", "--root", root.toString(), "--ci", "gitlab", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(suiteFile)).isEqualTo("-- mine\n");
        assertThat(Files.readString(ciFile)).doesNotContain("# my edit");
        assertThat(forced.out()).contains("kept " + root.resolve("perf") + " (a suite is there: init adds nothing",
                "overwritten " + ciFile + " (--force)", "kept " + root.resolve(".gitlab-ci.yml") + " (exists, "
                        + "includes .gitlab/perfgate.gitlab-ci.yml)").doesNotContain("created");
        CliRun same = CliRun.of("init", "--root", root.toString(), "--ci", "gitlab");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("kept " + ciFile + " (unchanged)");
    }

    /**
     * A project with a suite and its own {@code .gitlab-ci.yml}: init adds only perfgate's CI file, to include, and
     * says which lines to add; the suite gets no example benchmark and the project's CI file is never rewritten.
     */
    @Test
    void aProjectWithASuiteAndItsOwnCiGetsOnlyTheFileToInclude() throws IOException {
        Files.createDirectories(root.resolve("perf"));
        Files.writeString(root.resolve("perf/orders.sql"), "-- perfgate:run\nSELECT 1;\n");
        String theirs = "stages: [build, test]\nbuild:\n  script: make\n";
        Files.writeString(root.resolve(".gitlab-ci.yml"), theirs);
        CliRun run = CliRun.of("init", "--root", root.toString(), "--ci", "gitlab", "--force");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(root.resolve(".gitlab-ci.yml"))).isEqualTo(theirs);
        assertThat(root.resolve("perf/example_update.sql")).doesNotExist();
        assertThat(root.resolve("perf/_suite.sql")).doesNotExist();
        assertThat(root.resolve(".gitlab/perfgate.gitlab-ci.yml")).isNotEmptyFile();
        assertThat(run.out()).contains("created " + root.resolve(".gitlab/perfgate.gitlab-ci.yml"),
                "kept " + root.resolve(".gitlab-ci.yml") + " (exists: add the include below)",
                "include:\n  - local: .gitlab/perfgate.gitlab-ci.yml\n");
    }

    /** GitHub's workflow is a file of its own: refused when it exists, overwritten with --force, the suite kept. */
    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        assertThat(CliRun.of("init", "--root", root.toString()).exitCode()).isZero();
        Files.writeString(root.resolve("perf/example_update.sql"), "-- mine\n-- perfgate:run\nSELECT 1;\n");
        Path workflow = root.resolve(".github/workflows/performance.yml");
        Files.writeString(workflow, "name: mine\n");
        CliRun again = CliRun.of("init", "--root", root.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errorLines()).contains("already exists: pass --force to overwrite it");
        assertThat(Files.readString(workflow)).isEqualTo("name: mine\n");
        CliRun forced = CliRun.of("init", "--root", root.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out()).contains("overwritten " + workflow + " (--force)");
        assertThat(Files.readString(root.resolve("perf/example_update.sql"))).startsWith("-- mine");
        assertThat(Files.readString(workflow)).contains("uses: OWNER/perfgate@v1");
    }

    /** In an empty or new folder each missing file is created and each existing one kept, never overwritten. */
    @Test
    void aFolderWithoutSqlGetsTheMissingFilesOnly() throws IOException {
        Files.createDirectories(root.resolve("perf"));
        Files.writeString(root.resolve("perf/README.md"), "ours\n");
        CliRun run = CliRun.of("init", "--root", root.toString(), "--force");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(root.resolve("perf/README.md"))).isEqualTo("ours\n");
        assertThat(run.out()).contains("created " + root.resolve("perf/_suite.sql"), "kept "
                + root.resolve("perf/README.md") + " (exists)");
    }
}
