package dev.perfgate.cli;

import dev.perfgate.TestPostgres;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server given with {@code --db}: without {@code pg_stat_statements} in its database a run measures time only
 * and says in one line what is missing; an A/B run creates the base's database and leaves none behind.
 */
class ExternalServerIT {

    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void aDatabaseWithoutTheExtension() throws Exception {
        try (Connection c = TestPostgres.server().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS plain_db");
            st.execute("CREATE DATABASE plain_db");
            String admin = c.getMetaData().getURL();
            url = admin.substring(0, admin.lastIndexOf('/')) + "/plain_db?user=postgres";
        }
    }

    @Test
    void withoutPgStatStatementsTheRunIsTimeOnlyAndSaysWhatIsMissing() throws Exception {
        Path suite = suite();
        Path out = dir.resolve("r.json");
        CliRun r = CliRun.of("run", suite.toString(), "--db", url, "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).containsOnlyOnce("warning: no counters from")
                .contains("CREATE EXTENSION pg_stat_statements").contains("measuring time only");
        RunResult result = ResultsJson.read(out);
        assertThat(result.benchmarks().get(0).samples()).hasSize(30);
        assertThat(result.benchmarks().get(0).counters()).isNull();
    }

    @Test
    void anAbRunOnAGivenServerLeavesNoDatabaseBehind() throws Exception {
        Path suite = suite();
        // run, not check: this is about the databases, and a verdict on two real timings is not something to assert
        CliRun r = CliRun.of("run", suite.toString(), "--db", url, "--against", suite.toString(), "-o",
                dir.resolve("r.json").toString(), "--base-output", dir.resolve("b.json").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(ResultsJson.read(dir.resolve("b.json")).ab().role()).isEqualTo("base");
        assertThat(databases()).noneMatch(d -> d.startsWith("perfgate_base"));
        // the server runs on this machine: both sides' backends were found and put on one CPU
        assertThat(r.err()).doesNotContain("could not be put on one CPU");
    }

    @Test
    void anAbRunByARoleThatCannotCreateDatabasesIsOneLineAndExitTwo() throws Exception {
        try (Connection c = TestPostgres.server().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS nocreate_db");
            st.execute("DROP ROLE IF EXISTS nocreate");
            st.execute("CREATE ROLE nocreate LOGIN NOCREATEDB");
            st.execute("CREATE DATABASE nocreate_db OWNER nocreate");
        }
        String own = url.replace("/plain_db?user=postgres", "/nocreate_db?user=nocreate");
        Path suite = suite();
        CliRun r = CliRun.of("check", suite.toString(), "--db", own, "--against", suite.toString(), "-o",
                dir.resolve("r.json").toString(), "--base-output", dir.resolve("b.json").toString(), "--history",
                dir.resolve("h.jsonl").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("needs a role with CREATEDB", "--against-db").doesNotContain("Exception");
        assertThat(databases()).noneMatch(d -> d.startsWith("perfgate_base"));
    }

    private Path suite() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("s"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate:setup\nDROP TABLE IF EXISTS t;\n"
                + "CREATE TABLE t(id int PRIMARY KEY, v int);\nINSERT INTO t SELECT g, 0 FROM generate_series(1, 100) g;\n");
        Files.writeString(suite.resolve("upd.sql"), "-- perfgate: warmup=2\n-- perfgate:param id = int(1, 100)\n"
                + "-- perfgate:run\nUPDATE t SET v = v + 1 WHERE id = :id;\n");
        return suite;
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = TestPostgres.server().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
