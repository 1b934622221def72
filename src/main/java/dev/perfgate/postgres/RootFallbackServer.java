package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded server for root on kernels without user namespaces: the same binaries as
 * {@link EmbeddedServer}, run as the unprivileged user {@code nobody} through {@code setpriv}, in a work
 * directory that user owns. Forced with {@code PERFGATE_EMBEDDED=setpriv} or {@code -Dperfgate.embedded=setpriv} (how the tests
 * exercise it on machines that have user namespaces).
 */
final class RootFallbackServer implements DatabaseServer {

    private static final String NOBODY = "65534";

    private final Path workDir;
    private final Path binDir;
    private final Path dataDir;
    private final int port;
    private final Thread shutdownHook;

    private RootFallbackServer(Path workDir, int port) {
        this.workDir = workDir;
        this.binDir = workDir.resolve("pg/bin");
        this.dataDir = workDir.resolve("data");
        this.port = port;
        this.shutdownHook = new Thread(this::stopAndDelete, "perfgate-postgres-stop");
    }

    /** True when running as root and {@code unshare -U} cannot give PostgreSQL a non-root user. */
    static boolean needed() {
        if ("setpriv".equals(System.getenv("PERFGATE_EMBEDDED"))
                || "setpriv".equals(System.getProperty("perfgate.embedded"))) {
            return true;
        }
        if (!"root".equals(System.getProperty("user.name"))) return false;
        return run(List.of("unshare", "-U", "true"), 10) != 0;
    }

    static DatabaseServer start(Platform platform) {
        try {
            Path work = Files.createTempDirectory("perfgate-pg-");
            RootFallbackServer server = new RootFallbackServer(work, freePort());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            server.extractBinaries(platform);
            server.initAndStart();
            return server;
        } catch (IOException e) {
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

    private void initAndStart() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (run(List.of("chown", "-R", NOBODY + ":" + NOBODY, workDir.toString()), 60) != 0) {
            throw new IOException("chown of " + workDir + " to nobody failed");
        }
        asNobody(List.of(binDir.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
                "-E", "UTF-8", "--locale=C"), "initdb");
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=" + workDir));
        for (Map.Entry<String, String> s : ServerSettings.BENCHMARK.entrySet()) {
            options.add("-c");
            options.add(s.getKey() + "=" + s.getValue());
        }
        asNobody(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                workDir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", String.join(" ", options), "start"),
                "pg_ctl start");
    }

    private void asNobody(List<String> command, String what) throws IOException {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        full.addAll(command);
        if (run(full, 120) != 0) throw new IOException(what + " failed (log in " + workDir + ")");
    }

    @Override
    public Connection connect(String database) throws SQLException {
        var props = ServerSettings.connectionProperties();
        props.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://localhost:" + port + "/"
                + (database == null ? "postgres" : database), props);
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
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            try {
                asNobody(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), "pg_ctl stop");
            } catch (IOException e) {
                System.err.println("perfgate: warning: " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("perfgate: warning: could not delete " + workDir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
