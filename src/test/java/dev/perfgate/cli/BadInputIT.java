package dev.perfgate.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static dev.perfgate.cli.BadInputTest.expectOneLine;
import static org.assertj.core.api.Assertions.assertThat;

/** A wrong password for a real server (with password authentication) is one clear line, and no password is printed. */
class BadInputIT {

    @TempDir
    Path dir;

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
}
