package dev.perfgate.postgres;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ends zonky's wait for a server that already gave up. Zonky polls for a connection for its whole startup wait (a
 * minute) even when the postmaster exited at once, e.g. on a setting it rejects; this watch interrupts the starting
 * thread as soon as the server's log has a FATAL line and no postmaster runs in the data folder, so the user gets
 * PostgreSQL's message in a second. A FATAL that a connection attempt during startup provokes ("the database system
 * is starting up") is not a reason to stop.
 */
final class StartWatch implements AutoCloseable {

    private final Thread watcher;
    private volatile boolean done;
    private volatile boolean fired;

    private StartWatch(Path log, Path dataDir, Thread starter) {
        this.watcher = new Thread(() -> watch(log, dataDir, starter), "perfgate-postgres-start-watch");
        watcher.setDaemon(true);
    }

    /** Watches {@code log} and {@code dataDir} on behalf of the current thread until {@link #close()}. */
    static StartWatch start(Path log, Path dataDir) {
        StartWatch watch = new StartWatch(log, dataDir, Thread.currentThread());
        watch.watcher.start();
        return watch;
    }

    private void watch(Path log, Path dataDir, Thread starter) {
        int seen = 0;
        while (!done) {
            boolean gaveUp = ServerLog.severe(log).filter(l -> l.startsWith("FATAL") || l.startsWith("PANIC"))
                    .filter(l -> !l.contains("is starting up")).isPresent()
                    && !Files.exists(dataDir.resolve("postmaster.pid"));
            seen = gaveUp ? seen + 1 : 0;
            // twice in a row: the pid file may not be written yet when the first FATAL appears
            if (seen >= 2 && !done) {
                fired = true;
                starter.interrupt();
                return;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** True when the server gave up and this watch interrupted the start. */
    boolean fired() {
        return fired;
    }

    /** Stops watching; clears an interrupt this watch caused, so the starting thread carries on normally. */
    @Override
    public void close() {
        done = true;
        watcher.interrupt();
        if (fired) Thread.interrupted();
    }
}
