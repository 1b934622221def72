package dev.perfgate.history;

import dev.perfgate.results.Fixtures;

import dev.perfgate.PerfgateException;
import dev.perfgate.TestPostgres;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.postgres.DatabaseServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The PostgreSQL history on the real embedded server; each test gets its own schema. What needs no server (choosing
 * the store, a server that is down) is in HistoryStoreTest.
 */
class HistoryPostgresIT {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private DatabaseServer server;
    private String schema;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void freshSchema() throws SQLException {
        DatabaseServer shared = TestPostgres.server();
        schema = "history_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        sql("CREATE SCHEMA " + schema, shared);
        server = new DatabaseServer() {
            @Override
            public Connection connect(String database) throws SQLException {
                Connection c = shared.connect(database);
                try (Statement s = c.createStatement()) {
                    s.execute("SET search_path TO " + schema);
                }
                return c;
            }

            @Override
            public String description() {
                return shared.description();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void roundTripsRunsInOrderAndCreatesTheTableOnFirstUse() throws SQLException {
        HistoryPostgres history = new HistoryPostgres(server);
        assertThat(read(history)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("no history in the history database");

        List<HistoryEntry> entries = List.of(HistoryEntry.unchecked(HistoryTestRuns.run("s", "c1", 3, 30, 1)),
                new HistoryEntry(Fixtures.fullRun(), "warn", Map.of("single_row_update", "warning")),
                HistoryEntry.unchecked(Fixtures.minimalRun()),
                HistoryTestRuns.checked(HistoryTestRuns.run("s", "c2", 3, 30, 2)));
        entries.forEach(history::append);
        warnings.clear();
        assertThat(read(new HistoryPostgres(server))).isEqualTo(entries);
        assertThat(warnings).isEmpty();
        assertThat(query("SELECT string_agg(coalesce(git_commit, '-') || ' ' || coalesce(verdict, '-') || ' '"
                + " || (document::jsonb->>'format'), ',' ORDER BY id) FROM perfgate_runs"))
                .isEqualTo("c1 - perfgate-results/1,3f2a9c1e5b7d warn perfgate-results/1,"
                        + "- - perfgate-results/1,c2 pass perfgate-results/1");
        assertThat(query("SELECT document FROM perfgate_runs ORDER BY id LIMIT 1"))
                .as("the same line a history file holds").isEqualTo(HistoryLines.encode(entries.get(0)));
    }

    /** Bound parameters only: names that would break string-built SQL are stored and read back intact. */
    @Test
    void hostileNamesSurviveIntact() throws SQLException {
        HistoryPostgres history = new HistoryPostgres(server);
        HistoryEntry hostile = HistoryTestRuns.hostile();
        history.append(hostile);
        history.append(hostile);
        assertThat(read(history)).containsExactly(hostile, hostile);
        assertThat(query("SELECT count(*) || ' ' || min(suite) || ' ' || min(git_commit) FROM perfgate_runs"))
                .isEqualTo("2 " + HistoryTestRuns.HOSTILE_NAMES.get(0) + " " + HistoryTestRuns.HOSTILE_NAMES.get(1));
    }

    /** Eight runners appending at once, the first ones racing to create the table. */
    @Test
    void concurrentAppendersAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) new HistoryPostgres(server).append(HistoryTestRuns.appended(writer, i));
                return null;
            }));
        }
        for (Future<?> f : done) f.get(2, TimeUnit.MINUTES);
        pool.shutdown();
        List<HistoryEntry> all = read(new HistoryPostgres(server));
        assertThat(all).hasSize(80).doesNotHaveDuplicates();
    }

    /** More rows than one fetch: the read goes through a cursor and keeps insertion order. */
    @Test
    void streamsManyRowsInInsertionOrder() {
        HistoryPostgres history = new HistoryPostgres(server);
        for (int i = 0; i < 150; i++) history.append(HistoryEntry.unchecked(HistoryTestRuns.run("s", "c" + i, 1, 3, i)));
        List<String> commits = new ArrayList<>();
        history.forEach(e -> commits.add(e.run().git().commit()), warnings::add);
        assertThat(commits).hasSize(150).startsWith("c0", "c1", "c2").endsWith("c148", "c149");
    }

    @Test
    void corruptRowIsAClearErrorNamingTheRow() throws SQLException {
        HistoryPostgres history = new HistoryPostgres(server);
        history.append(HistoryEntry.unchecked(Fixtures.minimalRun()));
        history.append(HistoryEntry.unchecked(Fixtures.minimalRun()));
        long id = Long.parseLong(query("SELECT max(id)::text FROM perfgate_runs"));
        sql("UPDATE " + schema + ".perfgate_runs SET document = '{\"format\": \"perfgate-results/1\", \"benchmarks\": []}'"
                + " WHERE id = " + id, TestPostgres.server());
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> read(history));
        assertThat(e.getMessage()).startsWith("history database " + server.description() + ", perfgate_runs id " + id
                + ": not a valid history line (benchmarks: no benchmarks").endsWith("fix or delete that row: the "
                + "other runs are intact");
    }

    private List<HistoryEntry> read(HistoryStore history) {
        List<HistoryEntry> entries = new ArrayList<>();
        history.forEach(entries::add, warnings::add);
        return entries;
    }

    private String query(String select) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sql(String statement, DatabaseServer on) throws SQLException {
        try (Connection c = on.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
