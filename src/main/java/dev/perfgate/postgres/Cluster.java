package dev.perfgate.postgres;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway cluster that perfgate runs with a PostgreSQL installation's own {@code initdb} and {@code pg_ctl}: its
 * data folder and log live in a work folder perfgate owns, and every program runs as nobody when perfgate is root.
 * Both {@link RootFallbackServer} (the jar's binaries) and {@link InstalledServer} (the user's) start theirs here, so
 * the two initialise and start a cluster the same way.
 *
 * <p>{@code initdb} gets the arguments zonky gives the embedded server's ({@code -A trust -U postgres -E UTF-8}),
 * plus {@code --locale=C}, which the embedded server also passes: sorting and comparing text then behaves alike on
 * every server and machine, whatever {@code LANG} the job runs under.
 */
final class Cluster {

    /** The locale every cluster perfgate creates uses; see the class comment. */
    static final String LOCALE = "C";

    private final Path binDir;
    private final Path workDir;
    private final Path dataDir;
    private final Path log;
    /** Output of initdb and pg_ctl, written by perfgate (as root: the server's log must be nobody's to write). */
    private final Path programLog;
    private final boolean asNobody;

    Cluster(Path binDir, Path workDir, boolean asNobody) {
        this.binDir = binDir;
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        this.log = workDir.resolve("postgres.log");
        this.programLog = workDir.resolve("programs.log");
        this.asNobody = asNobody;
    }

    /** Makes the work folder usable by the user the programs run as (readable by all, owned by nobody as root). */
    void prepare() throws IOException {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (asNobody) Processes.giveToNobody(workDir);
    }

    /** Runs {@code initdb}; fails with the program's own complaint. */
    void init() throws IOException {
        int exit = Processes.run(Processes.command(List.of(binDir.resolve("initdb").toString(), "-A", "trust", "-U",
                "postgres", "-D", dataDir.toString(), "-E", "UTF-8", "--locale=" + LOCALE), asNobody), 180, programLog);
        if (exit != 0) throw new IOException("initdb failed: " + ServerLog.problem(programLog));
    }

    /**
     * Starts the server on {@code port} of 127.0.0.1, its socket in the work folder, with {@code settings}; fails
     * with PostgreSQL's own message from the server log (e.g. a setting it rejects).
     */
    void start(int port, Map<String, String> settings) throws IOException {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
        addSetting(options, "listen_addresses", "127.0.0.1");
        addSetting(options, "unix_socket_directories", workDir.toString());
        settings.forEach((name, value) -> addSetting(options, name, value));
        long logged = Files.exists(programLog) ? Files.size(programLog) : 0;
        int exit = Processes.run(Processes.command(List.of(binDir.resolve("pg_ctl").toString(), "-D",
                dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "-o", String.join(" ", options), "start"),
                asNobody), 90, programLog);
        if (exit != 0) throw new IOException(ServerLog.severe(log).orElse(ServerLog.problem(programLog, logged)));
    }

    /** Stops the server if it runs (fast shutdown: open sessions are ended). */
    void stop() throws IOException {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) return;
        int exit = Processes.run(Processes.command(List.of(binDir.resolve("pg_ctl").toString(), "-D",
                dataDir.toString(), "-m", "fast", "-w", "stop"), asNobody), 90, null);
        if (exit != 0) throw new IOException("pg_ctl stop failed (log in " + log + ")");
    }

    Path dataDir() {
        return dataDir;
    }

    // pg_ctl hands -o to the server through /bin/sh: a value with a space or a $ (e.g. $libdir) must be quoted
    private static void addSetting(List<String> options, String name, String value) {
        options.add("-c");
        options.add(Processes.shellQuote(name + "=" + value));
    }

    /** A benchmark connection as {@code postgres} to {@code database} (null: postgres) of a cluster on this machine. */
    static Connection connect(int port, String database) throws SQLException {
        var props = ServerSettings.connectionProperties();
        props.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/"
                + (database == null ? "postgres" : database), props);
    }
}
