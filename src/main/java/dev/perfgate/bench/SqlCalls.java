package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.postgres.SqlErrors;
import dev.perfgate.suite.SqlStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The runner's calls into JDBC, each turning an {@link SQLException} into one line that names the suite file,
 * the line and PostgreSQL's message (or says the statement timed out, or that the server went away).
 */
final class SqlCalls {

    private final Connection connection;
    private final String label;
    private Duration timeout;
    /** The 1-based iteration in progress (warm-up included), 0 outside a benchmark; for messages. */
    int iteration;

    /** @param label which copy of the suite this connection runs ("base", "candidate"), for messages; may be null */
    SqlCalls(Connection connection, Duration timeout, String label) {
        this.connection = connection;
        this.timeout = timeout;
        this.label = label;
    }

    SqlCalls(Connection connection, Duration timeout) {
        this(connection, timeout, null);
    }

    private String where(String benchmark) {
        return label == null ? benchmark : benchmark + ", " + label;
    }

    /** A fixed server-side workload of about a millisecond: counting 20,000 generated rows. */
    static final String CALIBRATION_SQL = "SELECT count(*) FROM generate_series(1, 20000)";

    /**
     * Warms the JIT up on pgjdbc's prepared-statement path with a few thousand {@code SELECT 1} round trips (at
     * most half a second; a cold driver adds tens of microseconds to each statement, which would bias a suite's
     * first benchmark), then times {@link #CALIBRATION_SQL} 100 times and returns its median in milliseconds: a
     * yardstick of how fast the machine is right now, independent of the suite (it runs before the suite setup).
     */
    double calibrate() {
        try {
            repeat("SELECT 1", 5000, 500_000_000L);
            return repeat(CALIBRATION_SQL, 100, 2_000_000_000L);
        } catch (SQLException e) {
            throw new PerfgateException("cannot run " + CALIBRATION_SQL + " on the server: " + SqlErrors.oneLine(e), e);
        }
    }

    /** Runs {@code sql} up to {@code times} times within {@code budgetNanos}; the median time in ms. */
    private double repeat(String sql, int times, long budgetNanos) throws SQLException {
        double[] millis = new double[times];
        long deadline = System.nanoTime() + budgetNanos;
        int i = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (; i < times && System.nanoTime() < deadline; i++) {
                long start = System.nanoTime();
                drain(ps);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] done = java.util.Arrays.copyOf(millis, i);
        java.util.Arrays.sort(done);
        return done.length == 0 ? Double.NaN : done[done.length / 2];
    }

    void setTimeout(Duration newTimeout, SqlStatement context) {
        timeout = newTimeout;
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + newTimeout.toMillis());
        } catch (SQLException e) {
            throw failure(context, e, "setting statement_timeout", iteration, timeout);
        }
    }

    /**
     * {@code VACUUM} of the whole database, untimed, before a benchmark: the dead rows earlier benchmarks left
     * (every rolled-back iteration leaves some) are cleared at the same point of every run, instead of slowing the
     * next benchmark by however much happened to pile up.
     */
    void vacuum(SqlStatement context, String benchmark) {
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM");
        } catch (SQLException e) {
            throw failure(context, e, "VACUUM before " + where(benchmark) + " (set vacuum=off in _suite.sql to skip it)",
                    0, timeout);
        }
    }

    void autoCommit(boolean on, SqlStatement context) {
        try {
            connection.setAutoCommit(on);
        } catch (SQLException e) {
            throw failure(context, e, "switching autocommit", iteration, timeout);
        }
    }

    void rollback(SqlStatement context, String benchmark) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw failure(context, e, where(benchmark), iteration, timeout);
        }
    }

    void untimed(SqlStatement st, PreparedStatement ps, String benchmark) {
        try {
            drain(ps);
        } catch (SQLException e) {
            throw failure(st, e, where(benchmark), iteration, timeout);
        }
    }

    /** Runs the statements in order and returns the nanoseconds they took, binding outside the clock. */
    long timed(List<SqlStatement> statements, BiFunction<SqlStatement, Map<String, Long>, PreparedStatement> bind,
               Map<String, Long> values, String benchmark) {
        PreparedStatement[] bound = new PreparedStatement[statements.size()];
        for (int i = 0; i < bound.length; i++) bound[i] = bind.apply(statements.get(i), values);
        int i = 0;
        try {
            long start = System.nanoTime();
            for (; i < bound.length; i++) drain(bound[i]);
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw failure(statements.get(i), e, where(benchmark), iteration, timeout);
        }
    }

    /** Executes and reads every row, as a client must. */
    private static void drain(PreparedStatement ps) throws SQLException {
        if (ps.execute()) {
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    // the rows are the work; nothing to keep
                }
            }
        }
    }

    static PerfgateException failure(SqlStatement st, SQLException e, String where, int iteration, Duration timeout) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String inBenchmark = where + (iteration > 0 ? ", iteration " + iteration : "");
        if (state.equals("57014")) {
            return new PerfgateException(String.format(Locale.ROOT,
                    "%s: statement timed out after %s (%s); raise it with timeout=... in the file or _suite.sql",
                    st.location(), human(timeout), inBenchmark), e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new PerfgateException(st.location() + ": lost the connection to PostgreSQL (" + inBenchmark + "): "
                    + SqlErrors.oneLine(e).replaceAll("\\.$", "") + "; no results were written", e);
        }
        int line = st.line() + linesBefore(st.sql(), e);
        return new PerfgateException(st.file() + ":" + line + ": " + SqlErrors.oneLine(e) + " (" + inBenchmark
                + ")", e);
    }

    /** The statement line of the error position PostgreSQL reports, if any. */
    private static int linesBefore(String sql, SQLException e) {
        if (!(e instanceof PSQLException p)) return 0;
        ServerErrorMessage m = p.getServerErrorMessage();
        if (m == null || m.getPosition() <= 0) return 0;
        int end = Math.min(sql.length(), m.getPosition() - 1);
        return (int) sql.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
