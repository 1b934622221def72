package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
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
    private Duration timeout;
    /** The 1-based iteration in progress (warm-up included), 0 outside a benchmark; for messages. */
    int iteration;

    SqlCalls(Connection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /**
     * Runs {@code SELECT 1} through the same prepared-statement path a few thousand times (at most about a
     * second) so the JIT has compiled pgjdbc's hot path before anything is timed (a cold driver adds tens of
     * microseconds to each statement, which would bias a suite's first benchmark), and returns the median round
     * trip of the last thousand in milliseconds: a yardstick of how busy the machine is, independent of the suite.
     */
    double primeDriver() {
        int total = 6000;
        int measured = 1000;
        double[] lastMillis = new double[measured];
        long deadline = System.nanoTime() + 1_000_000_000L;
        int i = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1")) {
            for (; i < total && System.nanoTime() < deadline; i++) {
                long start = System.nanoTime();
                drain(ps);
                lastMillis[i % measured] = (System.nanoTime() - start) / 1e6;
            }
        } catch (SQLException e) {
            throw new PerfgateException("cannot run SELECT 1 on the server: " + firstLine(e.getMessage()), e);
        }
        double[] kept = java.util.Arrays.copyOf(lastMillis, Math.min(i, measured));
        java.util.Arrays.sort(kept);
        return kept.length == 0 ? Double.NaN : kept[kept.length / 2];
    }

    void setTimeout(Duration newTimeout, SqlStatement context) {
        timeout = newTimeout;
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + newTimeout.toMillis());
        } catch (SQLException e) {
            throw failure(context, e, "setting statement_timeout", iteration, timeout);
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
            throw failure(context, e, benchmark, iteration, timeout);
        }
    }

    void untimed(SqlStatement st, PreparedStatement ps, String benchmark) {
        try {
            drain(ps);
        } catch (SQLException e) {
            throw failure(st, e, benchmark, iteration, timeout);
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
            throw failure(statements.get(i), e, benchmark, iteration, timeout);
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
                    + firstLine(e.getMessage()) + "; no results were written", e);
        }
        int line = st.line() + linesBefore(st.sql(), e);
        return new PerfgateException(st.file() + ":" + line + ": " + firstLine(e.getMessage()) + " (" + inBenchmark
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
