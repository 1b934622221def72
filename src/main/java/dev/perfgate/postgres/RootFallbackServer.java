package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded server for root on kernels without user namespaces: the same binaries as
 * {@link EmbeddedServer}, run as the unprivileged user {@code nobody} through {@code setpriv}, in a work
 * directory that user owns. Forced with {@code PERFGATE_EMBEDDED=setpriv} or {@code -Dperfgate.embedded=setpriv} (how the tests
 * exercise it on machines that have user namespaces).
 */
final class RootFallbackServer implements DatabaseServer {

    private final Path workDir;
    private final Cluster cluster;
    private final int port;
    private final Thread shutdownHook;

    private RootFallbackServer(Path workDir, int port) {
        this.workDir = workDir;
        this.cluster = new Cluster(workDir.resolve("pg/bin"), workDir, true);
        this.port = port;
        this.shutdownHook = new Thread(this::stopAndDelete, "perfgate-postgres-stop");
    }

    /** True when running as root and {@code unshare -U} cannot give PostgreSQL a non-root user. */
    static boolean needed() {
        if ("setpriv".equals(System.getenv("PERFGATE_EMBEDDED"))
                || "setpriv".equals(System.getProperty("perfgate.embedded"))) {
            return true;
        }
        if (!Processes.root()) return false;
        return Processes.run(List.of("unshare", "-U", "true"), 10, null) != 0;
    }

    static DatabaseServer start(Platform platform) {
        return start(platform, ServerSettings.BENCHMARK, List.of());
    }

    /** Starts the jar's binaries as nobody with {@code settings}, loading {@code extensions} (PostgreSQL 18's way). */
    static DatabaseServer start(Platform platform, Map<String, String> settings, List<ExtensionBuild> extensions) {
        RootFallbackServer server = null;
        try {
            Path work = Files.createTempDirectory("perfgate-pg-");
            server = new RootFallbackServer(work, Processes.freePort());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.extractBinaries(platform);
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.putAll(ExtensionOverlay.forMajor18(extensions, work.resolve("extensions")));
            server.cluster.prepare();
            server.cluster.init();
            server.cluster.start(server.port, all);
            return server;
        } catch (IOException e) {
            if (server != null) server.close();
            throw new PerfgateException("cannot start the embedded PostgreSQL as nobody: " + e.getMessage(), e);
        }
    }

    private void extractBinaries(Platform platform) throws IOException {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(platform.os(), platform.arch());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            Path root = workDir.resolve("pg");
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) throw new IOException("archive entry outside its folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((e.getMode() & 0100) != 0) Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return Cluster.connect(port, database);
    }

    @Override
    public String origin() {
        return "embedded";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL (as nobody) on port " + port;
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /** False once {@link #close()} has removed the server's files. */
    boolean workDirectoryExists() {
        return Files.exists(workDir);
    }

    private synchronized void stopAndDelete() {
        if (!Files.exists(workDir)) return;
        try {
            cluster.stop();
        } catch (IOException e) {
            System.err.println("perfgate: warning: " + e.getMessage());
        }
        StartupGuard.sweep(workDir);
    }
}
