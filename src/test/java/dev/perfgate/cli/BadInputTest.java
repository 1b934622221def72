package dev.perfgate.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad input gives exit code 2 and one clear line, end to end through the command line. */
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
        expectOneLine(CliRun.of("run", "--db", "jdbc:mysql://localhost/x"), "is not a PostgreSQL JDBC URL");
    }

    @Test
    void wrongPasswordIsClearAndNeverPrinted() throws Exception {
        Files.writeString(dir.resolve("x.sql"), "-- perfgate:run\nSELECT 1;\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectoryCustomizer(data -> {
            try {
                Files.writeString(data.toPath().resolve("pg_hba.conf"), "local all all trust\n"
                        + "host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                        + "host all all ::1/128 scram-sha-256\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE ROLE bench LOGIN PASSWORD 'right-secret-42'");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            CliRun wrong = CliRun.of("run", dir.toString(), "--db", url + "?user=bench&password=wrong-secret-17");
            expectOneLine(wrong, "password authentication failed for user \"bench\"");
            assertThat(wrong.out() + wrong.err()).doesNotContain("wrong-secret-17");

            Path results = dir.resolve("ok.json");
            CliRun right = CliRun.of("run", dir.toString(), "--db", url + "?user=bench&password=right-secret-42",
                    "-o", results.toString());
            assertThat(right.exitCode()).as(right.err()).isZero();
            assertThat(right.out() + right.err() + Files.readString(results)).doesNotContain("right-secret-42");
        }
    }

    private static void expectOneLine(CliRun run, String fragment) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errorLines()).contains(fragment);
        assertThat(run.errorLines().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
}
