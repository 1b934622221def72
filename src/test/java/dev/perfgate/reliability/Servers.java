package dev.perfgate.reliability;

import dev.perfgate.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Future;

/** PostgreSQL servers for the reliability tests: the shared one by URL, or one of the test's own to break. */
final class Servers {

    private Servers() {
    }

    /** {@code --db} URL of the shared test server ({@link TestPostgres}); trust authentication for postgres. */
    static String sharedUrl() {
        try (Connection c = TestPostgres.server().connect()) {
            String url = c.getMetaData().getURL();
            return url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=postgres";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server of the test's own, in {@code dataDir} (so its postmaster.pid can be read), to stop or kill. */
    static EmbeddedPostgres own(Path dataDir) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid}. */
    static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a perfgate connection is inside a statement whose text contains {@code fragment} (e.g. a
     * {@code pg_sleep} of the timed part) and returns that backend's process id.
     */
    static int waitForPerfgateRunning(Connection admin, String fragment, Duration timeout, Future<?> perfgate)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (perfgate.isDone()) throw new AssertionError("perfgate ended before the fault: " + perfgate.get());
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'perfgate' AND state = 'active' "
                            + "AND pid <> pg_backend_pid() AND query LIKE '%" + fragment + "%'")) {
                if (rs.next()) return rs.getInt(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("perfgate never ran a statement containing " + fragment + " within " + timeout);
    }
}
