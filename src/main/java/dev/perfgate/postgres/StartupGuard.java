package dev.perfgate.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cleans up after an embedded server start that never finished: on Ctrl-C or SIGTERM during {@code initdb} (zonky
 * registers its own stop-and-delete hook only once the postmaster is launched), or when the start fails. Without it,
 * {@code initdb} runs on as an orphan and leaves a ~40 MB data directory in the temporary folder.
 *
 * <p>{@code initdb}, {@code pg_ctl} and a postmaster they started all name the data directory on their command line,
 * which is how they are found.
 */
final class StartupGuard {

    private final Path dataDir;
    private final Thread hook;

    private StartupGuard(Path dataDir) {
        this.dataDir = dataDir;
        this.hook = new Thread(this::cleanUp, "perfgate-postgres-start-cleanup");
    }

    /** Guards a start in {@code dataDir} until {@link #release()}. */
    static StartupGuard install(Path dataDir) {
        StartupGuard guard = new StartupGuard(dataDir);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Stops every process working in {@code dir} (named on its command line) and deletes {@code dir}. */
    static void sweep(Path dir) {
        new StartupGuard(dir).cleanUp();
    }

    /** The start finished (the server's own hook and close() take over) or was cleaned up: stop guarding. */
    void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /** Stops every process working in the data directory, then deletes it; retries while new ones appear. */
    void cleanUp() {
        for (int round = 0; round < 10; round++) {
            List<ProcessHandle> left = ProcessHandle.allProcesses().filter(this::worksIn).toList();
            left.forEach(ProcessHandle::destroy); // SIGTERM: initdb removes its files, a postmaster shuts down
            for (ProcessHandle p : left) {
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    p.destroyForcibly();
                }
            }
            deleteQuietly();
            if (left.isEmpty() && !Files.exists(dataDir)) return;
        }
    }

    private boolean worksIn(ProcessHandle p) {
        if (p.pid() == ProcessHandle.current().pid()) return false;
        return p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false);
    }

    private void deleteQuietly() {
        if (!Files.exists(dataDir)) return;
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException | RuntimeException e) {
            // a process still writing there: the next round deletes the rest
        }
    }
}
