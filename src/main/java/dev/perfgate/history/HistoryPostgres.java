package dev.perfgate.history;

import dev.perfgate.PerfgateException;
import dev.perfgate.json.Messages;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.postgres.SqlErrors;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The history in PostgreSQL ({@code --history jdbc:postgresql://...}), for teams whose runners share no disk. One
 * row per run in {@code perfgate_runs}, created on first use (in the connection's current schema): the columns a
 * person filters on, and in {@code document} the run's history line, byte for byte what {@link HistoryFile} writes
 * (so {@code SELECT document FROM perfgate_runs ORDER BY id} is a history file; {@code document::jsonb} queries
 * it). Text rather than jsonb because reading it back is twice as fast: jsonb is re-rendered on every read.
 * Values are always bound parameters. Each append is one transaction; reads stream through a cursor.
 */
public final class HistoryPostgres implements HistoryStore {

    static final String URL_PREFIX = "jdbc:postgresql:";
    static final String TABLE = "perfgate_runs";

    private static final int FETCH_ROWS = 64; // ~5 MB for runs of 100 benchmarks x 30 samples
    private static final long CREATE_LOCK = 0x7065726667617465L; // "perfgate": one creator at a time

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS perfgate_runs (
                id         bigserial PRIMARY KEY,
                appended   timestamptz NOT NULL DEFAULT now(),
                created    timestamptz,
                suite      text,
                git_commit text,
                branch     text,
                verdict    text,
                document   text NOT NULL
            )""";
    private static final String INSERT = "INSERT INTO perfgate_runs (created, suite, git_commit, branch, verdict, "
            + "document) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, document FROM perfgate_runs ORDER BY id";

    private final DatabaseServer server;
    private volatile boolean tableReady;

    /** The history on {@code server}; it is only connected to for each append or read. */
    public HistoryPostgres(DatabaseServer server) {
        this.server = server;
    }

    static HistoryPostgres of(String url) {
        // ExternalServer would name the --db option in this message
        if (org.postgresql.Driver.parseURL(url, new Properties()) == null) {
            throw new PerfgateException("history location " + ExternalServer.redact(url) + " cannot be parsed: write "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        return new HistoryPostgres(ExternalServer.of(url));
    }

    @Override
    public String description() {
        return server.description(); // the URL without credentials, like a file history's path
    }

    @Override
    public void requireWritable() {
        transaction("cannot append to", "", c -> { });
    }

    @Override
    public void append(HistoryEntry entry) {
        String document = HistoryLines.encode(entry); // may refuse the run before anything is sent
        transaction("cannot append to", "; the runs already in it are unchanged", c -> insert(c, entry, document));
    }

    /** Work on the history table in one transaction (the table made on first use); a failure rolls it all back. */
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void transaction(String doing, String outcome, Work work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                createTableOnFirstUse(c);
                work.run(c);
                c.commit();
                tableReady = true;
            } catch (SQLException e) {
                rollBackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(doing, e, outcome);
        }
    }

    private static void insert(Connection c, HistoryEntry entry, String document) throws SQLException {
        RunResult run = entry.run();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            if (run.created() == null) insert.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
            else insert.setObject(1, OffsetDateTime.ofInstant(run.created(), ZoneOffset.UTC));
            insert.setString(2, run.suite());
            insert.setString(3, run.git().commit());
            insert.setString(4, run.git().branch());
            insert.setString(5, entry.verdict());
            insert.setString(6, document);
            insert.executeUpdate();
        }
    }

    // The advisory lock makes concurrent first appends wait for one creator instead of failing on a race in the
    // catalog. The table is looked up first: a role allowed to insert but not to create tables still appends.
    private void createTableOnFirstUse(Connection c) throws SQLException {
        if (tableReady || tableExists(c)) return;
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CREATE_LOCK);
            lock.execute();
        }
        try (Statement create = c.createStatement()) {
            create.execute(CREATE);
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, TABLE);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public <T> void forEach(Function<HistoryEntry, T> map, Consumer<T> action, Consumer<String> warnings) {
        try (Connection c = connect()) {
            c.setAutoCommit(false); // with a fetch size, pgjdbc then reads through a cursor, FETCH_ROWS at a time
            if (!tableExists(c)) {
                warnings.accept("no history in the history database " + description()
                        + " yet: no run has been recorded there");
                return;
            }
            try (PreparedStatement select = c.prepareStatement(SELECT)) {
                select.setFetchSize(FETCH_ROWS);
                try (ResultSet rows = select.executeQuery(); HistoryPipeline pipeline = new HistoryPipeline()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        byte[] document = rows.getString(2).getBytes(StandardCharsets.UTF_8);
                        pipeline.submit(() -> decode(id, document, map, action), document.length);
                    }
                    pipeline.finish();
                }
            }
            c.rollback(); // nothing to keep: ends the read-only transaction
        } catch (SQLException e) {
            throw failure("cannot read", e, "");
        }
    }

    private <T> Runnable decode(long id, byte[] document, Function<HistoryEntry, T> map, Consumer<T> action) {
        String place = "history database " + description() + ", " + TABLE + " id " + id;
        HistoryEntry entry = HistoryLines.decode(document, document.length, place, "fix or delete that row");
        T result = map.apply(entry);
        return () -> action.accept(result);
    }

    private static void rollBackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back on its own, and the first error says why
        }
    }

    private Connection connect() {
        try {
            return server.connect();
        } catch (SQLException e) {
            throw new PerfgateException("cannot reach the history database " + description() + ": " + reason(e)
                    + "; check that it is running and that the URL, user and password are right", e);
        }
    }

    private PerfgateException failure(String doing, SQLException e, String outcome) {
        return new PerfgateException(doing + " the history database " + description() + ": " + reason(e) + outcome, e);
    }

    // pgjdbc's messages are sentences; ours go on after them with "; ...". They never contain the password.
    private static String reason(SQLException e) {
        String reason = Messages.oneLine(SqlErrors.oneLine(e));
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }
}
