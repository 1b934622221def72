package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input gives exit code 2 and one clear line, end to end through the command line. None starts a server:
 * a bad suite or option is refused before, an unreachable --db is only tried; a wrong password is in BadInputIT.
 */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingSuiteFolder() {
        expectOneLine(CliRun.of("run", dir.resolve("nope").toString()), "does not exist");
    }

    @Test
    void emptySuite() {
        expectOneLine(CliRun.of("run", dir.toString()), "has no benchmarks");
    }

    @Test
    void fileWithNoTimedPart() throws IOException {
        Files.writeString(dir.resolve("x.sql"), "-- perfgate:setup\nSELECT 1;\n");
        expectOneLine(CliRun.of("check", dir.toString()), "x.sql: no timed part");
    }

    @Test
    void unknownSetting() throws IOException {
        Files.writeString(dir.resolve("x.sql"), "-- perfgate: iterations=5 colour=red\n-- perfgate:run\nSELECT 1;\n");
        expectOneLine(CliRun.of("run", dir.toString()), "x.sql:1: unknown setting 'colour'");
    }

    @Test
    void badOptionValue() {
        expectOneLine(CliRun.of("run", "--iterations", "0"), "--iterations: 0 is out of range: give a whole number from 1");
    }

    @Test
    void unknownBenchmarkFilter() {
        expectOneLine(CliRun.of("run", "-b", "nope"), "--benchmark nope: no such benchmark");
    }

    @Test
    void unreachableDatabase() throws IOException {
        Files.writeString(dir.resolve("x.sql"), "-- perfgate:run\nSELECT 1;\n");
        expectOneLine(CliRun.of("run", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/postgres"),
                "cannot connect to jdbc:postgresql://127.0.0.1:1/postgres");
    }

    @Test
    void notAPostgresUrl() {
        expectOneLine(CliRun.of("run", "--db", "jdbc:mysql://localhost/x"), "is not a PostgreSQL URL");
    }

    @Test
    void aSensitivityTargetThatIsNotAShareOrHasNoAbRun() throws IOException {
        Files.writeString(dir.resolve("x.sql"), "-- perfgate: detect=lots\n-- perfgate:run\nSELECT 1;\n");
        expectOneLine(CliRun.of("check", dir.toString(), "--against", "HEAD"), "x.sql:1: detect=lots is not a share");
        expectOneLine(CliRun.of("check", "--against", "HEAD", "--detect", "150%"), "--detect=150% is not a share");
        expectOneLine(CliRun.of("check", "--detect", "2%"), "--detect 2%: sensitivity on demand adds pairs to an A/B "
                + "run; give --against REF");
    }

    static void expectOneLine(CliRun run, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errorLines()).contains(fragment);
        assertThat(run.errorLines().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
}
