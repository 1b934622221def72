package dev.perfgate;

import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.EmbeddedServer;

/** One real embedded PostgreSQL shared by the tests of a JVM, started on first use, stopped at exit. */
public final class TestPostgres {

    private static DatabaseServer server;

    private TestPostgres() {
    }

    public static synchronized DatabaseServer server() {
        if (server == null) {
            server = EmbeddedServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }
}
