package dev.perfgate.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server to benchmark on: a throwaway embedded one, or a real one named with {@code --db}. */
public interface DatabaseServer extends AutoCloseable {

    /** A new connection, set up for benchmarking (server-side prepared statements from the first use). */
    default Connection connect() throws SQLException {
        return connect(null);
    }

    /**
     * A new connection to {@code database} on this server ({@code null}: the server's own database, the one
     * {@code --db} names or the embedded server's {@code postgres}).
     */
    Connection connect(String database) throws SQLException;

    /** Where the server is, for messages; never contains a password. */
    String description();

    /**
     * Where the server's binaries came from, for results files: {@code "embedded"} for the jar's PostgreSQL, the
     * {@code bin} folder of an installation perfgate started a cluster from, {@code null} for a server perfgate did
     * not start ({@code --db}).
     */
    default String origin() {
        return null;
    }

    /** Stops the server if perfgate started it; closes nothing it didn't open. */
    @Override
    void close();
}
