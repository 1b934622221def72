package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A throwaway cluster from a PostgreSQL installation on this machine ({@code --pg-bin}), run exactly as the embedded
 * one is: {@code initdb} in a temporary folder ({@link Cluster}: same arguments), perfgate's benchmark settings,
 * pg_stat_statements and auto_explain preloaded when the installation has them, port and socket of its own, run as
 * nobody when perfgate is root, stopped and deleted on {@link #close()}, on a failed start and on Ctrl-C.
 *
 * <p>Extension builds load from the temporary folder, never from the installation: on PostgreSQL 18 through
 * {@code extension_control_path} and {@code dynamic_library_path} ({@link ExtensionOverlay}), before 18 from a
 * {@link PrivateInstallation}. So two clusters with two builds of one extension run side by side.
 */
public final class InstalledServer implements DatabaseServer {

    private final ServerSpec spec;
    private final Path workDir;
    private final int port;
    /** Set once the binaries to run are known (a private installation is made first). */
    private Cluster cluster;
    private final Thread shutdownHook;

    private InstalledServer(ServerSpec spec, Path workDir, int port) {
        this.spec = spec;
        this.workDir = workDir;
        this.port = port;
        this.shutdownHook = new Thread(this::stopAndDelete, "perfgate-postgres-stop");
    }

    /**
     * Starts a cluster for {@code spec}, whose installation must not be null.
     *
     * @param status receives a line when the installation lacks a module perfgate preloads
     * @throws PerfgateException (one line) when the cluster cannot be made or started, with PostgreSQL's own message
     *                           (e.g. a setting it rejects); nothing is left behind
     */
    static InstalledServer start(ServerSpec spec, Consumer<String> status) {
        return start(spec, status, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #start(ServerSpec, Consumer)} with its temporary folder in {@code tempParent} (tests look there). */
    static InstalledServer start(ServerSpec spec, Consumer<String> status, Path tempParent) {
        Installation installation = spec.installation();
        if (!spec.missingPreloads().isEmpty()) {
            status.accept("warning: " + installation.describe() + " has no " + String.join(", ", spec.missingPreloads())
                    + ": time only, no counters (install the server's contrib modules to get them)");
        }
        Path work;
        try {
            work = Files.createTempDirectory(tempParent, "perfgate-pg-");
        } catch (IOException e) {
            throw new PerfgateException("cannot create a temporary folder for a PostgreSQL cluster: " + e.getMessage(), e);
        }
        InstalledServer server = null;
        try {
            int port = Processes.freePort();
            server = new InstalledServer(spec, work, port);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            boolean privateInstall = !spec.extensions().isEmpty() && spec.major() < 18;
            Path bin = privateInstall ? PrivateInstallation.create(installation, spec.extensions(), work.resolve("pg"))
                    : installation.binDir();
            server.cluster = new Cluster(bin, work, Processes.root());
            Map<String, String> settings = new LinkedHashMap<>(spec.serverSettings());
            if (spec.major() >= 18) settings.putAll(ExtensionOverlay.forMajor18(spec.extensions(), work.resolve("ext")));
            server.cluster.prepare();
            server.cluster.init();
            server.cluster.start(port, settings);
            return server;
        } catch (IOException | RuntimeException e) {
            if (server != null) server.close();
            else StartupGuard.sweep(work);
            if (e instanceof PerfgateException p) throw p;
            throw new PerfgateException("cannot start " + installation.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The installation this cluster runs. */
    public Installation installation() {
        return spec.installation();
    }

    /** The modules perfgate preloads that this installation lacks; empty when counters work. */
    public List<String> missingPreloads() {
        return spec.missingPreloads();
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return Cluster.connect(port, database);
    }

    @Override
    public String description() {
        return installation().describe() + " on port " + port;
    }

    @Override
    public String origin() {
        return spec.origin();
    }

    @Override
    public void close() {
        stopAndDelete();
        removeHook();
    }

    /** False once {@link #close()} has removed the cluster and any private installation. */
    boolean workDirectoryExists() {
        return Files.exists(workDir);
    }

    /** The temporary folder holding the cluster (and the private installation, if any). */
    Path workDirectory() {
        return workDir;
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopAndDelete() {
        if (!Files.exists(workDir)) return;
        try {
            if (cluster != null) cluster.stop();
        } catch (IOException e) {
            System.err.println("perfgate: warning: " + e.getMessage());
        }
        StartupGuard.sweep(workDir);
    }
}
