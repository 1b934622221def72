package dev.perfgate.gate;

import dev.perfgate.postgres.ExternalServer;

/**
 * A {@code Server} is which PostgreSQL runs a side: the embedded one perfgate starts and deletes, or the server a
 * JDBC URL names ({@code --db}, {@code --against-db}).
 *
 * @param url the server's JDBC URL as given (may hold a password: never print it, see {@link #describe}); null for
 *            the embedded server
 */
public record Server(String url) {

    /** The throwaway server perfgate starts from the binaries in its jar. */
    public static final Server EMBEDDED = new Server(null);

    /** A server at {@code url}; a malformed URL is refused now, before anything starts. */
    public static Server at(String url) {
        if (url == null) return EMBEDDED;
        ExternalServer.of(url);
        return new Server(url);
    }

    public boolean embedded() {
        return url == null;
    }

    /** For people: {@code embedded PostgreSQL} or the URL without credentials. */
    public String describe() {
        return url == null ? "embedded PostgreSQL" : ExternalServer.redact(url);
    }
}
