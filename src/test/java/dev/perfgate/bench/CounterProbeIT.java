package dev.perfgate.bench;

import dev.perfgate.TestPostgres;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.SuiteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters on a real embedded PostgreSQL, as a role with only the rights the user guide asks for. */
class CounterProbeIT {

    @TempDir
    Path dir;

    /**
     * A role granted SET on the auto_explain parameters that turn plan logging on, but not on
     * {@code log_parameter_max_length}, still gets the plans of the statements its trigger runs, every row's.
     */
    @Test
    void aRoleThatMayNotLeaveParametersOutStillGetsNestedPlans() throws Exception {
        String role = "perfgate_probe_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = TestPostgres.server().connect(); Connection c = TestPostgres.server().connect()) {
            sql(admin, "DROP TABLE IF EXISTS probe_t, probe_log; CREATE ROLE " + role + ";"
                    + "CREATE TABLE probe_t(id int PRIMARY KEY, v int); CREATE TABLE probe_log(id int);"
                    + "INSERT INTO probe_t SELECT g, 0 FROM generate_series(1, 100) g;"
                    + "CREATE OR REPLACE FUNCTION probe_logged() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN INSERT INTO probe_log VALUES (NEW.id); RETURN NULL; END $$;"
                    + "CREATE TRIGGER probe_tr AFTER UPDATE ON probe_t FOR EACH ROW EXECUTE FUNCTION probe_logged();"
                    + "GRANT ALL ON probe_t, probe_log TO " + role + ";"
                    + "GRANT SET ON PARAMETER auto_explain.log_min_duration, auto_explain.log_nested_statements, "
                    + "auto_explain.log_analyze, auto_explain.log_format, auto_explain.log_level TO " + role);
            try {
                sql(c, "SET ROLE " + role);
                Files.writeString(dir.resolve("_suite.sql"), "-- perfgate: vacuum=off\n"); // not the tables' owner
                Files.writeString(dir.resolve("rows.sql"), "-- perfgate: iterations=2 warmup=0\n"
                        + "-- perfgate:param first = int(1, 90)\n-- perfgate:run\n"
                        + "UPDATE probe_t SET v = v + 1 WHERE id BETWEEN :first AND :first + 9;\n");
                // the same with autocommit: the refused SET is then outside any transaction
                Files.writeString(dir.resolve("rows_committed.sql"), Files.readString(dir.resolve("rows.sql"))
                        .replace("warmup=0", "warmup=0 isolation=commit"));
                SuiteDatabase db = SuiteDatabase.open(c, SuiteReader.readFolder(dir), Settings.EMPTY, null);
                db.countWith(CounterSource.probe(admin, "the test server", true));

                List<BenchmarkResult> results = SuiteRun.run(db, Progress.SILENT);

                assertThat(results).hasSize(2).allSatisfy(r -> {
                    Counters counters = r.counters();
                    assertThat(counters.unavailable()).noneMatch(line -> line.contains("auto_explain"));
                    assertThat(counters.plan().nested()).isTrue();
                    assertThat(counters.plan().summary()).contains("Update on probe_t", "Insert on probe_log");
                    assertThat(counters.perIteration(Counters.ROWS)).isEqualTo(10);
                });
            } finally {
                sql(admin, "DROP TABLE probe_t, probe_log; DROP FUNCTION probe_logged(); DROP OWNED BY " + role
                        + "; DROP ROLE " + role);
            }
        }
    }

    private static void sql(Connection c, String text) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(text);
        }
    }
}
