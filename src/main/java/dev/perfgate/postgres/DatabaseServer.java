package dev.perfgate.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server to benchmark on: a throwaway embedded one, or a real one named with {@code --db}. */
public interface DatabaseServer extends AutoCloseable {

    /** A new connection, set up for benchmarking (server-side prepared statements from the first use). */
    Connection connect() throws SQLException;

    /** Where the server is, for messages; never contains a password. */
    String description();

    /** Stops the server if perfgate started it; closes nothing it didn't open. */
    @Override
    void close();
}
