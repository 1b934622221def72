package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.TestPostgres;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SuiteRun} against a real embedded PostgreSQL. */
class SuiteRunIT {

    @TempDir
    Path dir;
    Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = TestPostgres.server().connect();
        sql("DROP TABLE IF EXISTS runner_t, runner_log; CREATE TABLE runner_t(id int PRIMARY KEY, v int);"
                + "INSERT INTO runner_t SELECT g, 0 FROM generate_series(1, 100) g; CREATE TABLE runner_log(v int)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void rollbackIsolationLeavesNoDriftAndDiscardsWarmup() throws Exception {
        write("ins.sql", "-- perfgate: iterations=7 warmup=3\n-- perfgate:run\nINSERT INTO runner_t VALUES (1000, 1);\n"
                + "UPDATE runner_t SET v = v + 1 WHERE id = 1;\n");
        List<BenchmarkResult> results = run(Settings.EMPTY);
        assertThat(results.get(0).samples()).hasSize(7).allMatch(ms -> ms > 0);
        assertThat(count("SELECT count(*) FROM runner_t")).isEqualTo(100);
        assertThat(count("SELECT v FROM runner_t WHERE id = 1")).isZero();
    }

    @Test
    void commitIsolationKeepsChangesAndSeededParametersRepeat() throws Exception {
        write("log.sql", "-- perfgate: iterations=20 warmup=0 isolation=commit\n-- perfgate:param x = int(1, 1000000)\n"
                + "-- perfgate:run\nINSERT INTO runner_log VALUES (:x);\n");
        run(Settings.EMPTY);
        List<Integer> first = values();
        sql("TRUNCATE runner_log");
        run(Settings.EMPTY);
        assertThat(values()).hasSize(20).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
        sql("TRUNCATE runner_log");
        run(Settings.EMPTY.with("seed", "99", "--seed", 0));
        assertThat(values()).isNotEqualTo(first);
    }

    /**
     * A ratio is A's time divided by B's. Not a measurement of sleeps (they overshoot on a busy machine): a 100 ms
     * sleep against a plain SELECT, one way round and the other, so only a SELECT stalling for 100 ms could fail it.
     */
    @Test
    void ratioDividesTimeOfAByTimeOfB() throws Exception {
        write("slow_by_fast.sql", "-- perfgate: iterations=3 warmup=0\n-- perfgate:run A\nSELECT pg_sleep(0.1);\n"
                + "-- perfgate:run B\nSELECT 1;\n");
        write("fast_by_slow.sql", "-- perfgate: iterations=3 warmup=0\n-- perfgate:run A\nSELECT 1;\n"
                + "-- perfgate:run B\nSELECT pg_sleep(0.1);\n");
        List<BenchmarkResult> results = run(Settings.EMPTY);
        assertThat(results).allSatisfy(r -> assertThat(r.unit()).isEqualTo("x"));
        assertThat(benchmark(results, "slow_by_fast").samples()).hasSize(3).allMatch(x -> x > 1);
        assertThat(benchmark(results, "fast_by_slow").samples()).hasSize(3).allMatch(x -> x < 1);
    }

    private static BenchmarkResult benchmark(List<BenchmarkResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sqlErrorNamesFileLineAndPostgresMessage() throws Exception {
        write("bad.sql", "-- perfgate:run\nSELECT 1;\nSELECT *\n  FROM no_such_table;\n");
        assertThatThrownBy(() -> run(Settings.EMPTY))
                .isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith("bad.sql:4: ERROR: relation \"no_such_table\" does not exist")
                .hasMessageContaining("iteration 1");
    }

    @Test
    void statementTimeoutFiresAndIsNamed() throws Exception {
        write("slow.sql", "-- perfgate: timeout=200ms warmup=0 iterations=1\n-- perfgate:run\nSELECT pg_sleep(30);\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> run(Settings.EMPTY))
                .hasMessageStartingWith("slow.sql:3: statement timed out after 200 ms");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    @Test
    void suiteSetupRunsOnceWithScaleAndTeardownCleansUp() throws Exception {
        write("_suite.sql", "-- perfgate:setup\nCREATE TABLE scaled AS SELECT g FROM generate_series(1, 10 * :scale) g;\n"
                + "-- perfgate:teardown\nDROP TABLE scaled;\n");
        write("q.sql", "-- perfgate: iterations=2 warmup=0\n-- perfgate:run\nINSERT INTO runner_log SELECT count(*) FROM scaled;\n");
        run(Settings.EMPTY.with("scale", "3", "--scale", 0));
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'scaled'")).isZero();
    }

    @Test
    void vacuumsBeforeEachBenchmarkUnlessTurnedOff() throws Exception {
        write("a.sql", "-- perfgate: iterations=2 warmup=0\n-- perfgate:run\nUPDATE runner_t SET v = v + 1;\n");
        write("b.sql", "-- perfgate: iterations=2 warmup=0\n-- perfgate:run\nSELECT count(*) FROM runner_t;\n");
        long before = vacuums();
        run(Settings.EMPTY);
        assertThat(vacuums()).isEqualTo(before + 2);
        write("_suite.sql", "-- perfgate: vacuum=off\n");
        run(Settings.EMPTY);
        assertThat(vacuums()).isEqualTo(before + 2);
    }

    private long vacuums() throws SQLException {
        sql("SELECT pg_stat_clear_snapshot()");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'runner_t'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<BenchmarkResult> run(Settings overrides) {
        Suite suite = SuiteReader.readFolder(dir);
        return SuiteRun.run(SuiteDatabase.open(connection, suite, overrides, null), Progress.SILENT);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void sql(String text) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(text);
        }
    }

    private int count(String query) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<Integer> values() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM runner_log")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }
}
