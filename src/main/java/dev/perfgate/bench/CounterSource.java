package dev.perfgate.bench;

import dev.perfgate.model.Counters;
import dev.perfgate.postgres.SqlErrors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a session reads what PostgreSQL counted: {@code pg_stat_statements} on the session's own connection.
 *
 * <p>Why {@code pg_stat_statements}: its top-level entry of a statement counts everything done until the statement
 * ends, AFTER triggers and the functions they call included, and it is kept per database, so the two sides of an
 * A/B run on one server are apart. {@code EXPLAIN (ANALYZE, BUFFERS, WAL)} misses the AFTER triggers' work (measured:
 * 15 buffer hits of 43 for the demo suite's one-row update), and PostgreSQL 18's per-backend statistics have no
 * per-statement split and need a flush. The timed iterations do not pay for it: counters come from separate untimed
 * iterations, and the server was measured to run the timed statements no slower with the library loaded.
 *
 * <p>A server without it (an external one not configured for it) gives time-only results and one warning that says
 * what is missing and how to enable it.
 */
final class CounterSource {

    private static final String READ = "SELECT calls, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, "
            + "shared_blks_written, local_blks_hit, local_blks_read, temp_blks_read, temp_blks_written, wal_records, "
            + "wal_fpi, wal_bytes FROM pg_stat_statements(false) WHERE queryid = ANY (?) AND toplevel AND dbid = ?";

    /** The counters in the order of {@link #READ}'s columns after {@code calls}. */
    private static final List<String> COLUMNS = List.of(Counters.ROWS, Counters.SHARED_HIT, Counters.SHARED_READ,
            Counters.SHARED_DIRTIED, Counters.SHARED_WRITTEN, Counters.LOCAL_HIT, Counters.LOCAL_READ,
            Counters.TEMP_READ, Counters.TEMP_WRITTEN, Counters.WAL_RECORDS, Counters.WAL_FPI, Counters.WAL_BYTES);

    private final Connection admin;
    private final String missing;
    private boolean checkpoints = true;

    private CounterSource(Connection admin, String missing) {
        this.admin = admin;
        this.missing = missing;
    }

    /**
     * Checks that {@code pg_stat_statements} can be read on {@code admin}'s server.
     *
     * @param server for the warning, e.g. the server's description
     * @param create create the extension in {@code admin}'s database if it is missing (the embedded server, which
     *               perfgate owns; never in a user's database)
     */
    static CounterSource probe(Connection admin, String server, boolean create) {
        try (Statement st = admin.createStatement()) {
            if (create) st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_statements(false)")) {
                rs.next();
            }
            return new CounterSource(admin, null);
        } catch (SQLException e) {
            String why = SqlErrors.oneLine(e);
            String fix = why.contains("shared_preload_libraries")
                    ? "add pg_stat_statements to shared_preload_libraries and restart it, then CREATE EXTENSION pg_stat_statements"
                    : "run CREATE EXTENSION pg_stat_statements in the database --db names, and GRANT pg_read_all_stats "
                    + "to this role";
            return new CounterSource(admin, "no counters from " + server + " (" + why + "): " + fix
                    + "; measuring time only");
        }
    }

    /** The connection counters are read on (perfgate's own database). */
    Connection admin() {
        return admin;
    }

    /** Null when counters can be read; otherwise one line saying what is missing and how to enable it. */
    String missing() {
        return missing;
    }

    /** The database a connection works in, as {@code pg_stat_statements} keys it. */
    static long databaseId(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT oid FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A {@code CHECKPOINT}, so that the next iteration's full-page images and dirtied buffers are those of its own
     * first changes, not of wherever the last checkpoint happened to fall; false when not allowed (no superuser or
     * {@code pg_checkpoint}), after which none is tried again.
     */
    boolean checkpoint() {
        if (!checkpoints) return false;
        try (Statement st = admin.createStatement()) {
            st.execute("CHECKPOINT");
            return true;
        } catch (SQLException e) {
            checkpoints = false;
            return false;
        }
    }

    /** The totals so far of the statements {@code queryIds} in database {@code dbid}, by counter name. */
    Map<String, Long> totals(long[] queryIds, long dbid) throws SQLException {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String name : COLUMNS) totals.put(name, 0L);
        try (PreparedStatement ps = admin.prepareStatement(READ)) {
            Long[] ids = new Long[queryIds.length];
            for (int i = 0; i < ids.length; i++) ids[i] = queryIds[i];
            ps.setArray(1, admin.createArrayOf("bigint", ids));
            ps.setLong(2, dbid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < COLUMNS.size(); i++) totals.merge(COLUMNS.get(i), rs.getLong(i + 2), Long::sum);
                }
            }
        }
        return totals;
    }
}
