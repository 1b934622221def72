package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.postgres.SqlErrors;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.ParamSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.SqlStatement;
import dev.perfgate.suite.Suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code SuiteDatabase} is one suite set up in one database, on one connection of its own: the suite setup ran
 * when it was opened, {@link #benchmark} readies one benchmark to run iterations, and {@link #finish} runs the suite
 * teardown. Statements are server-side prepared once per connection and re-bound with fresh parameters each
 * iteration. It is also one side of an A/B run ({@link PairSide}). Not thread-safe: one connection, used by one
 * thread.
 */
public final class SuiteDatabase implements PairSide, AutoCloseable {

    private final Connection connection;
    private final Suite suite;
    private final Settings overrides;
    private final Settings suiteSettings;
    private final String label;
    private final SqlCalls calls;
    private final Map<SqlStatement, PreparedStatement> prepared = new HashMap<>();
    private CounterSource counters;
    private boolean finished;

    private SuiteDatabase(Connection connection, Suite suite, Settings overrides, String label) {
        this.connection = connection;
        this.suite = suite;
        this.overrides = overrides;
        this.suiteSettings = suite.settings().overriddenBy(overrides);
        this.label = label;
        this.calls = new SqlCalls(connection, suiteSettings.timeoutOrDefault(), label);
    }

    /**
     * Runs the suite setup on {@code connection} (which the returned object then owns); on failure the connection is
     * closed and the error thrown. {@link Session#open} is the usual way in; tests give a connection of their own.
     */
    public static SuiteDatabase open(Connection connection, Suite suite, Settings overrides, String label) {
        SuiteDatabase db = new SuiteDatabase(connection, suite, overrides, label);
        try {
            int scale = db.scale();
            for (BenchmarkSpec b : suite.benchmarks()) {
                for (ParamSpec p : b.params()) p.requireValidAt(scale, b.file()); // before any SQL, e.g. after --scale
            }
            db.calls.setTimeout(db.suiteSettings.timeoutOrDefault(), suite.setup().isEmpty() ? null : suite.setup().get(0));
            for (SqlStatement st : suite.setup()) db.calls.untimed(st, db.bind(st, Map.of()), "suite setup");
            return db;
        } catch (RuntimeException e) {
            db.closePrepared();
            Connections.closeQuietly(connection);
            throw e;
        }
    }

    public Suite suite() {
        return suite;
    }

    @Override
    public List<BenchmarkSpec> benchmarks() {
        return suite.benchmarks();
    }

    /** Counters are read from {@code source} ({@link Session} gives its own); null: time only. */
    void countWith(CounterSource source) {
        this.counters = source;
    }

    CounterSource counterSource() {
        return counters;
    }

    Connection connection() {
        return connection;
    }

    /** {@code EXPLAIN (VERBOSE, FORMAT JSON)} of {@code st} with {@code values} bound, as the benchmark binds them. */
    PreparedStatement explain(SqlStatement st, Map<String, Long> values) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("EXPLAIN (VERBOSE, FORMAT JSON) " + st.sql());
        try {
            bindAll(ps, st, values);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /** The prepared statement of {@code st}, as {@link #bind} uses it. */
    PreparedStatement prepared(SqlStatement st) {
        return statement(st);
    }

    /** Ends whatever transaction is open, quietly (after an EXPLAIN a benchmark with autocommit off left open). */
    void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) connection.rollback();
        } catch (SQLException ignored) {
            // nothing open, or the connection is gone: the next real statement will say so
        }
    }

    /** The data-set multiplier this suite was set up at. */
    public int scale() {
        return suiteSettings.scaleOrDefault();
    }

    /** The settings that apply to {@code b}: the suite's, the benchmark's own, then the command line's. */
    public Settings settingsOf(BenchmarkSpec b) {
        return suiteSettings.overriddenBy(b.settings()).overriddenBy(overrides);
    }

    /**
     * Readies {@code b} for iterations: the per-benchmark steps ({@code VACUUM} unless the suite says
     * {@code vacuum=off}, its statement timeout, autocommit for {@code isolation=commit}).
     */
    @Override
    public BenchmarkRun benchmark(BenchmarkSpec b) {
        Settings s = settingsOf(b);
        if (suiteSettings.vacuumOrDefault()) calls.vacuum(b.timed().get(0), b.name());
        return new BenchmarkRun(this, b, s, calls);
    }

    /** Runs the suite teardown; a failure there is the run's failure. */
    @Override
    public void finish() {
        finished = true;
        try {
            for (SqlStatement st : suite.teardown()) calls.untimed(st, bind(st, Map.of()), "suite teardown");
        } finally {
            closePrepared();
        }
    }

    @Override
    public boolean recover() {
        try {
            if (connection.isClosed() || !connection.isValid(5)) return false;
            if (!connection.getAutoCommit()) connection.rollback();
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the connection; after a failed run, first tries the suite teardown (best effort). */
    @Override
    public void close() {
        abandon();
        Connections.closeQuietly(connection);
    }

    /**
     * After a failed run: rolls back what is open and tries the suite teardown, best effort (the failure already has
     * a better message than anything teardown could say). Nothing happens once the suite finished.
     */
    @Override
    public void abandon() {
        if (finished) return;
        try {
            bestEffortTeardown();
        } finally {
            closePrepared();
        }
    }

    private void bestEffortTeardown() {
        finished = true;
        try {
            if (connection.isClosed() || !connection.isValid(5)) return;
            if (!connection.getAutoCommit()) connection.rollback();
            connection.setAutoCommit(true);
            for (SqlStatement st : suite.teardown()) calls.untimed(st, bind(st, Map.of()), "suite teardown");
        } catch (SQLException | PerfgateException e) {
            // the run already failed with a better message; teardown is best effort
        }
    }

    /** The prepared statement of {@code st} with {@code values} bound ({@code :scale} from the suite). */
    PreparedStatement bind(SqlStatement st, Map<String, Long> values) {
        PreparedStatement ps = statement(st);
        try {
            bindAll(ps, st, values);
        } catch (SQLException e) {
            throw new PerfgateException(st.location() + ": cannot bind parameters: " + SqlErrors.oneLine(e), e);
        }
        return ps;
    }

    private void bindAll(PreparedStatement ps, SqlStatement st, Map<String, Long> values) throws SQLException {
        for (int i = 0; i < st.parameters().size(); i++) {
            String name = st.parameters().get(i);
            bindInteger(ps, i + 1, name.equals("scale") ? scale() : values.get(name));
        }
    }

    /** Binds as int4 when it fits, so {@code f(:id)} finds a function declared on integer, else int8. */
    private static void bindInteger(PreparedStatement ps, int index, long value) throws SQLException {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            ps.setInt(index, (int) value);
        } else {
            ps.setLong(index, value);
        }
    }

    private PreparedStatement statement(SqlStatement st) {
        PreparedStatement ps = prepared.get(st);
        if (ps != null) return ps;
        try {
            ps = connection.prepareStatement(st.sql());
        } catch (SQLException e) {
            throw SqlCalls.failure(st, e, "preparing" + (label == null ? "" : " (" + label + ")"), 0, Duration.ZERO);
        }
        prepared.put(st, ps);
        return ps;
    }

    private void closePrepared() {
        for (Statement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement on a dead connection; nothing to keep
            }
        }
        prepared.clear();
    }
}
