package dev.perfgate.bench;

import dev.perfgate.Defaults;
import dev.perfgate.model.Profile;
import dev.perfgate.model.ProfileTree;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles one benchmark on untimed iterations after its counter iterations: before and after each iteration it reads
 * {@code pg_stat_statements} (every statement of the benchmark's database, nested ones included, with
 * {@code pg_stat_statements.track = all} set for this session) and {@code pg_stat_user_functions} (with
 * {@code track_functions = all}), and keeps the differences per iteration. Both settings are set for the profiled
 * iterations only and reset after them, so the timed iterations run as before.
 *
 * <p>Function statistics are flushed by a backend only when it goes idle and at most once a second, so each
 * iteration ends with {@code pg_stat_force_next_flush()} (PostgreSQL 15 and later) on the benchmark's own
 * connection, and the function statistics are read there too: they are per database.
 */
final class ProfileProbe {

    /**
     * Marks this probe's own statements, which a suite running on perfgate's own database would see: a column name,
     * since {@code pg_stat_statements} keeps names but drops a leading comment.
     */
    private static final String MARK = "perfgate_profile";
    private static final String STATEMENTS = "SELECT queryid AS " + MARK + ", toplevel, calls, total_exec_time, rows, "
            + "shared_blks_hit + shared_blks_read FROM pg_stat_statements(false) WHERE dbid = ?";
    private static final String TEXTS = "SELECT queryid, query FROM pg_stat_statements(true) WHERE dbid = ? "
            + "AND queryid = ANY (?)";
    private static final String FUNCTIONS = "SELECT funcid::regprocedure::text, calls, self_time, total_time "
            + "FROM pg_stat_user_functions";

    private final BenchmarkRun run;
    private final SuiteDatabase db;
    private final Connection admin;
    private final List<String> unavailable = new ArrayList<>();
    private final Map<String, long[]> calls = new LinkedHashMap<>();
    private final Map<String, double[]> millis = new LinkedHashMap<>();
    private final Map<String, double[]> totals = new LinkedHashMap<>();
    private final Map<String, Reading> sums = new HashMap<>();
    private boolean functions = true;
    private int n;
    private int done;
    private long dbid;
    private String failure;

    ProfileProbe(BenchmarkRun run, SuiteDatabase db, Connection admin) {
        this.run = run;
        this.db = db;
        this.admin = admin;
    }

    /** A counted quantity of one statement or function: calls, ms, rows, buffers. */
    private record Reading(long calls, double millis, double totalMillis, long rows, long buffers) {
        Reading minus(Reading o) {
            return o == null ? this : new Reading(calls - o.calls, millis - o.millis, totalMillis - o.totalMillis,
                    rows - o.rows, buffers - o.buffers);
        }

        Reading plus(Reading o) {
            return new Reading(calls + o.calls, millis + o.millis, totalMillis + o.totalMillis, rows + o.rows,
                    buffers + o.buffers);
        }
    }

    /** {@code n} iterations profiled with the next draws, one after the other; plans are added as they are. */
    Profile profile(int n, ParamDraws draws, List<Profile.StatementPlan> plans) {
        begin(n);
        for (int i = 0; i < n; i++) step(draws.next());
        return end(plans);
    }

    /**
     * Readies {@code n} profiled iterations: the settings on for this session. An A/B run then alternates the two
     * sides' {@link #step}s, so that neither side's profile is taken while the machine is busier than for the other.
     */
    void begin(int n) {
        this.n = n;
        Connection c = db.connection();
        try {
            dbid = CounterSource.databaseId(c);
            db.rollbackQuietly();
            turnOn(c);
        } catch (SQLException e) {
            fail(e);
        }
    }

    /** One profiled iteration with {@code values}. */
    void step(Map<String, Long> values) {
        if (failure != null || done >= n) return;
        Connection c = db.connection();
        int i = done++;
        try {
            // the order keeps this probe's own statements on the benchmark's connection out of the differences
            Map<String, Reading> before = functions(c);
            before.putAll(statements(dbid));
            run.iteration(values);
            Map<String, Reading> after = statements(dbid);
            flush(c);
            after.putAll(functions(c));
            for (var e : after.entrySet()) {
                Reading d = e.getValue().minus(before.get(e.getKey()));
                if (d.calls <= 0) continue;
                calls.computeIfAbsent(e.getKey(), k -> new long[n])[i] = d.calls;
                millis.computeIfAbsent(e.getKey(), k -> new double[n])[i] = d.millis;
                totals.computeIfAbsent(e.getKey(), k -> new double[n])[i] = d.totalMillis;
                sums.merge(e.getKey(), d, Reading::plus);
            }
        } catch (SQLException e) {
            fail(e);
        }
    }

    /** The profile of the steps taken, the settings reset. */
    Profile end(List<Profile.StatementPlan> plans) {
        turnOff(db.connection());
        try {
            if (failure == null && done == n) {
                List<Profile.Entry> entries = entries(dbid, calls, millis, totals, sums);
                entries = ProfileTree.placed(entries, ProfileCatalog.routines(db, entries, unavailable));
                return new Profile(n, entries, Math.max(0, calls.size() - entries.size() - 1), plans, unavailable);
            }
        } catch (SQLException e) {
            fail(e);
        }
        if (failure == null) failure = done + " of " + n + " iterations profiled";
        unavailable.add("attribution: cannot read pg_stat_statements per statement (" + failure
                + "): no statement or function named");
        return new Profile(0, List.of(), 0, plans, unavailable);
    }

    private void fail(SQLException e) {
        db.rollbackQuietly();
        if (failure == null) failure = Connections.firstLine(e.getMessage());
    }

    /** The entries that took the most time, most first, with the statements' texts. */
    private List<Profile.Entry> entries(long dbid, Map<String, long[]> calls, Map<String, double[]> millis,
                                        Map<String, double[]> totals, Map<String, Reading> sums) throws SQLException {
        List<String> keys = new ArrayList<>(calls.keySet());
        keys.sort(Comparator.comparingDouble((String k) -> -sums.get(k).millis));
        Map<Long, String> texts = texts(dbid, keys.subList(0, Math.min(keys.size(), 4 * Defaults.PROFILE_ENTRIES)));
        List<Profile.Entry> out = new ArrayList<>();
        for (String k : keys) {
            if (out.size() == Defaults.PROFILE_ENTRIES) break;
            Reading s = sums.get(k);
            if (k.startsWith("f:")) {
                out.add(new Profile.Entry(Profile.FUNCTION, k.substring(2), 0, false, calls.get(k), millis.get(k),
                        totals.get(k), 0, 0));
                continue;
            }
            String[] parts = k.split(":", 3);
            long id = Long.parseLong(parts[2]);
            String text = texts.getOrDefault(id, "query id " + id);
            if (text.contains(MARK)) continue; // this probe's own reads of pg_stat_statements
            out.add(new Profile.Entry(Profile.STATEMENT, text, id, "t".equals(parts[1]), calls.get(k), millis.get(k),
                    null, s.rows, s.buffers));
        }
        return out;
    }

    private Map<Long, String> texts(long dbid, List<String> keys) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String k : keys) if (k.startsWith("s:")) ids.add(Long.parseLong(k.split(":", 3)[2]));
        Map<Long, String> texts = new HashMap<>();
        try (PreparedStatement ps = admin.prepareStatement(TEXTS)) {
            ps.setLong(1, dbid);
            ps.setArray(2, admin.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) texts.put(rs.getLong(1), rs.getString(2));
            }
        }
        return texts;
    }

    /** Every statement's totals so far, keyed {@code s:t:id} (top level) or {@code s:n:id} (nested). */
    private Map<String, Reading> statements(long dbid) throws SQLException {
        Map<String, Reading> now = new HashMap<>();
        try (PreparedStatement ps = admin.prepareStatement(STATEMENTS)) {
            ps.setLong(1, dbid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    now.put("s:" + (rs.getBoolean(2) ? "t" : "n") + ":" + rs.getLong(1),
                            new Reading(rs.getLong(3), rs.getDouble(4), rs.getDouble(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
        }
        return now;
    }

    /** Every function's totals so far in the benchmark's database, keyed {@code f:name(types)}. */
    private Map<String, Reading> functions(Connection c) throws SQLException {
        Map<String, Reading> now = new HashMap<>();
        if (!functions) return now;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FUNCTIONS)) {
            while (rs.next()) now.put("f:" + rs.getString(1), new Reading(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), 0, 0));
        } finally {
            db.rollbackQuietly();
        }
        return now;
    }

    /** Has this backend publish its function statistics now, so the next read sees the iteration's. */
    private void flush(Connection c) {
        if (!functions) return;
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_force_next_flush(), pg_stat_clear_snapshot()");
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            db.rollbackQuietly();
            functions = false;
            unavailable.add("attribution: function times need PostgreSQL 15 or later (pg_stat_force_next_flush: "
                    + Connections.firstLine(e.getMessage()) + "): statements only");
        }
    }

    private void turnOn(Connection c) {
        if (!set(c, "SET track_functions = 'all'")) {
            functions = false;
            unavailable.add("attribution: track_functions cannot be set (needs superuser or a grant): statements only");
        }
        if (!set(c, "SET pg_stat_statements.track = 'all'")) {
            unavailable.add("attribution: pg_stat_statements.track cannot be set to all: top-level statements only"
                    + " unless the server already tracks nested ones");
        }
    }

    private void turnOff(Connection c) {
        set(c, "RESET track_functions");
        set(c, "RESET pg_stat_statements.track");
    }

    /** Runs a session setting and commits it (a rolled-back SET is undone); false when refused. */
    private boolean set(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            if (!c.getAutoCommit()) c.commit();
            return true;
        } catch (SQLException e) {
            db.rollbackQuietly();
            return false;
        }
    }
}
