package dev.perfgate.cli;

import dev.perfgate.model.RunResult;
import dev.perfgate.postgres.PgworkBuilds;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension author's job, through the command line: a suite that calls a C extension (pgwork, built by PGXS
 * against Debian's PostgreSQL 15), each side of an A/B comparison with its own build, on throwaway clusters
 * perfgate starts from the installation; and the bad inputs of that job, each one line and exit 2. Skipped, saying
 * what to install, on a machine without PostgreSQL 15, its headers or a compiler.
 */
class ExtensionAbIT {

    @TempDir
    static Path dir;

    static Path suite;
    static Path reference;
    static Path sameSource;
    static Path slower;

    @BeforeAll
    static void buildsAndSuite() throws IOException {
        PgworkBuilds.debian15();
        reference = PgworkBuilds.stage(PgworkBuilds.DEBIAN_15, 100, dir.resolve("reference"));
        sameSource = PgworkBuilds.stage(PgworkBuilds.DEBIAN_15, 100, dir.resolve("same"));
        slower = PgworkBuilds.stage(PgworkBuilds.DEBIAN_15, 125, dir.resolve("slower"));
        suite = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate: iterations=30 warmup=3\n"
                + "-- perfgate:setup\nCREATE EXTENSION pgwork;\n");
        // ten calls a statement, their argument from the rows, so no plan can fold them into a constant
        Files.writeString(suite.resolve("spin.sql"), "-- perfgate:run\n"
                + "SELECT sum(pgwork_spin(4000 + g % 2)) FROM generate_series(1, 10) g;\n");
    }

    private static CliRun check(String name, String... more) {
        String[] args = new String[more.length + 7];
        args[0] = "check";
        args[1] = suite.toString();
        args[2] = "--pg-bin";
        args[3] = PgworkBuilds.DEBIAN_15.toString();
        args[4] = "-o";
        args[5] = dir.resolve(name + ".json").toString();
        args[6] = "--history=" + dir.resolve(name + "-history.jsonl");
        System.arraycopy(more, 0, args, 7, more.length);
        return CliRun.of(args);
    }

    @Test
    void aBuildDoingAQuarterMoreWorkIsCaughtAndBothSidesAreNamed() {
        CliRun r = check("slower", "--extension", slower.toString(), "--against-extension", reference.toString(),
                "--base-output", dir.resolve("slower-base.json").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("spin .* REGRESSION")
                .contains("pgwork from " + reference, "pgwork from " + slower);
        RunResult candidate = ResultsJson.read(dir.resolve("slower.json"));
        assertThat(candidate.environment().postgresql().version()).startsWith("15.");
        assertThat(candidate.ab().candidate().server()).contains("PostgreSQL 15", "pgwork from " + slower);
        assertThat(candidate.settings().extra()).containsEntry("server", "installation");
    }

    @Test
    void twoBuildsOfTheSameSourcePass() {
        CliRun r = check("same", "--extension", sameSource.toString(), "--against-extension", reference.toString(),
                "--base-output", dir.resolve("same-base.json").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("REGRESSION");
    }

    @Test
    void aBuildForAnotherMajorIsPostgresqlsOwnLine() {
        // built for 15, loaded by the embedded PostgreSQL 18
        CliRun r = CliRun.of("check", suite.toString(), "--extension", reference.toString(), "-o",
                dir.resolve("wrong.json").toString(), "--history=" + dir.resolve("wrong.jsonl"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errorLines()).contains("incompatible library").hasLineCount(1);
    }

    @Test
    void badInputsAreOneLineBeforeAnythingStarts() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-stage/usr/lib"));
        CliRun noControl = check("bad1", "--extension", empty.getParent().getParent().toString());
        assertThat(noControl.exitCode()).isEqualTo(2);
        assertThat(noControl.errorLines()).contains("--extension", ".control").hasLineCount(1);

        CliRun notAnInstallation = CliRun.of("check", suite.toString(), "--pg-bin", dir.toString());
        assertThat(notAnInstallation.exitCode()).isEqualTo(2);
        assertThat(notAnInstallation.errorLines()).contains("--pg-bin " + dir + ": no initdb there").hasLineCount(1);

        CliRun withDb = CliRun.of("check", suite.toString(), "--db", "jdbc:postgresql://localhost/x", "--extension",
                reference.toString());
        assertThat(withDb.exitCode()).isEqualTo(2);
        assertThat(withDb.errorLines()).contains("--extension is for a server perfgate starts").hasLineCount(1);
    }
}
