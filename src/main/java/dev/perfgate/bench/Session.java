package dev.perfgate.bench;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.Environment;
import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.postgres.Servers;
import dev.perfgate.postgres.SqlErrors;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code Session} is one measurement on one PostgreSQL server: it starts the embedded server (or reaches the one
 * {@code --db} names), probes the environment, calibrates the machine's speed once, and sets suites up in databases
 * of that server ({@link #open}), each on its own connection. Every run mode works through it: a plain run opens one
 * suite, an A/B comparison opens two and interleaves their iterations. {@link #close} tears the suites down, drops
 * the databases it created and stops a server it started, also after a failure.
 */
public final class Session implements AutoCloseable {

    private final DatabaseServer server;
    private final Connection admin;
    private final Environment environment;
    private final double calibrationMillis;
    private final double loadBefore;
    private final Consumer<String> status;
    private CounterSource counters;
    /** What perfgate started; null for a server it only connected to. */
    private ServerSpec spec;
    private final List<SuiteDatabase> open = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    /** Drops created databases if the JVM is stopped (Ctrl-C) before {@link #close}; an embedded server goes anyway. */
    private final Thread dropOnExit = new Thread(this::dropCreated, "perfgate-drop-databases");
    private boolean hooked;
    private double startSeconds;

    private Session(DatabaseServer server, Connection admin, Environment environment, double calibrationMillis,
                    double loadBefore, Consumer<String> status) {
        this.server = server;
        this.admin = admin;
        this.environment = environment;
        this.calibrationMillis = calibrationMillis;
        this.loadBefore = loadBefore;
        this.status = status;
    }

    /**
     * Connects to the server {@code dbUrl} names ({@code --db}) or, when it is null, starts the throwaway server
     * {@code spec} describes; probes it and calibrates.
     *
     * @param status receives one line per phase (starting, calibrating, setting up), for the user to see
     */
    public static Session start(String dbUrl, ServerSpec spec, Consumer<String> status) {
        if (dbUrl == null) return start(spec, status);
        long start = System.nanoTime();
        status.accept("connecting to " + ExternalServer.redact(dbUrl));
        return probe(ExternalServer.of(dbUrl), false, status, start);
    }

    /** {@link #start(String, ServerSpec, Consumer)} with the embedded server and perfgate's settings. */
    public static Session start(String dbUrl, Consumer<String> status) {
        return start(dbUrl, ServerSpec.EMBEDDED, status);
    }

    /**
     * Starts the throwaway server {@code spec} describes (the embedded PostgreSQL, or a cluster from an installation,
     * with extension builds and settings), probes it and calibrates; a server without pg_stat_statements measures
     * time only (its start said so in a status line).
     */
    public static Session start(ServerSpec spec, Consumer<String> status) {
        long start = System.nanoTime();
        status.accept("starting " + (spec.equals(ServerSpec.EMBEDDED) ? "the embedded PostgreSQL" : spec.describe()));
        Session session = probe(Servers.start(spec, status), !spec.missingPreloads().contains("pg_stat_statements"),
                status, start);
        session.spec = spec;
        return session;
    }

    private static Session probe(DatabaseServer server, boolean ours, Consumer<String> status, long start) {
        try {
            Connection admin = Connections.open(server, null);
            Environment environment = EnvironmentProbe.probe(admin, server.origin());
            status.accept("calibrating: timing a fixed query to know how fast the machine is right now");
            double load = EnvironmentProbe.loadAverage();
            double calibration = new SqlCalls(admin, Defaults.STATEMENT_TIMEOUT).calibrate();
            Session session = new Session(server, admin, environment, calibration, load, status);
            session.counters = CounterSource.probe(admin, server.description(), ours);
            if (session.counters.missing() != null) {
                if (server.origin() == null || ours) status.accept("warning: " + session.counters.missing());
                session.counters = null;
            }
            session.startSeconds = (System.nanoTime() - start) / 1e9;
            return session;
        } catch (SQLException e) {
            server.close();
            throw new PerfgateException("cannot read the server's settings from " + server.description() + ": "
                    + SqlErrors.oneLine(e), e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Sets {@code suite} up in {@code database} on a connection of its own and returns it ready to run benchmarks.
     *
     * @param database {@code null} for the server's own database; otherwise a database this session creates (and
     *                 drops on {@link #close}), which must not exist yet
     * @param label    how messages name this copy of the suite, e.g. "base" or "candidate"; null for a plain run
     */
    public SuiteDatabase open(Suite suite, Settings overrides, String database, String label) {
        if (database != null) create(database);
        status.accept("setting up suite " + suite.name() + (label == null ? "" : " (" + label + ")"));
        SuiteDatabase db = SuiteDatabase.open(Connections.open(server, database), suite, overrides, label);
        db.countWith(counters);
        open.add(db);
        return db;
    }

    /**
     * Runs the backends of {@code databases} (of one server or of two) on one and the same CPU, when they run on
     * this machine and the platform allows it (Linux {@code taskset}: the embedded server, or a {@code --db} server
     * whose backend processes this machine shows, each named as its database's backend). Measured on a shared
     * 2-core VM: two backends left to the scheduler can sit on different cores for a whole session, and when one
     * core is busier the two sides of every pair differ by the same amount, a bias of up to 30 % that pairing cannot
     * cancel. On one CPU, whatever slows that CPU slows both sides of a pair alike. Best effort: false when it could
     * not be done or {@link #pinning} is off.
     */
    public static boolean runOnOneCpu(List<SuiteDatabase> databases) {
        if (!pinning()) return false;
        int cpu = Runtime.getRuntime().availableProcessors() - 1;
        try {
            for (SuiteDatabase db : databases) {
                long pid;
                String database;
                try (Statement st = db.connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), current_database()")) {
                    rs.next();
                    pid = rs.getLong(1);
                    database = rs.getString(2);
                }
                // a server elsewhere (or in a container) has its own process ids: pin only a process that says it is
                // this database's backend
                if (!isLocalBackend(pid, database)) return false;
                Process p = new ProcessBuilder("taskset", "-p", "-c", Integer.toString(cpu), Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) return false;
            }
            return true;
        } catch (SQLException | IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void create(String database) {
        try (Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + Connections.identifier(database));
            if (!hooked && !embedded()) {
                Runtime.getRuntime().addShutdownHook(dropOnExit);
                hooked = true;
            }
            created.add(database);
        } catch (SQLException e) {
            throw new PerfgateException("cannot create database " + database + " on " + server.description() + ": "
                    + SqlErrors.oneLine(e) + " (an A/B comparison needs a role with CREATEDB, or give "
                    + "the base its own database with --against-db URL)", e);
        }
    }

    public Environment environment() {
        return environment;
    }

    /** Median time of the calibration query in ms, measured before any suite ran: the machine's speed. */
    public double calibrationMillis() {
        return calibrationMillis;
    }

    /** The host's load average: the higher of the session's start and now. */
    public double loadAverage() {
        return Math.max(loadBefore, EnvironmentProbe.loadAverage());
    }

    /** True when process {@code pid} on this machine is a PostgreSQL backend of {@code database}. */
    static boolean isLocalBackend(long pid, String database) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String title = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return title.startsWith("postgres: ") && title.contains(" " + database + " ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** False when the user turned pinning off ({@code PERFGATE_PIN=0}). */
    public static boolean pinning() {
        return !"0".equals(System.getenv("PERFGATE_PIN"));
    }

    /** The throwaway server perfgate started, as asked; null for a server it only connected to ({@code --db}). */
    public ServerSpec spec() {
        return spec;
    }

    /** True when perfgate started the server itself (no {@code --db}). */
    public boolean embedded() {
        return !(server instanceof ExternalServer);
    }

    public String serverDescription() {
        return server.description();
    }

    /** Seconds from {@link #start} until the server was ready and calibrated. */
    public double startSeconds() {
        return startSeconds;
    }

    /** Tears the open suites down (best effort after a failure), drops the created databases, stops the server. */
    @Override
    public void close() {
        try {
            for (SuiteDatabase db : open) db.close();
            // a server perfgate started is deleted with its databases: dropping them first only fails after Ctrl-C
            if (!embedded()) dropCreated();
            if (hooked) removeHook();
            Connections.closeQuietly(admin);
        } finally {
            server.close();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void dropCreated() {
        for (String database : List.copyOf(created)) {
            drop(database);
            created.remove(database);
        }
    }

    private void drop(String database) {
        try (Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Connections.identifier(database) + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("perfgate: warning: could not drop database " + database + " on "
                    + server.description() + ": " + SqlErrors.oneLine(e) + "; drop it by hand");
        }
    }
}
