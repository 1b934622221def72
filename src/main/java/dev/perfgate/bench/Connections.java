package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.SqlErrors;

import java.sql.Connection;
import java.sql.SQLException;

/** Opening and closing benchmark connections, with the one-line messages a failed connection deserves. */
final class Connections {

    private Connections() {
    }

    /** A connection to {@code database} ({@code null}: the server's own), or a message that says what to check. */
    static Connection open(DatabaseServer server, String database) {
        try {
            return server.connect(database);
        } catch (SQLException e) {
            throw new PerfgateException("cannot connect to " + server.description()
                    + (database == null ? "" : " (database " + database + ")") + ": " + SqlErrors.oneLine(e)
                    + " (" + hint(e) + ")", e);
        }
    }

    /** What to do about a failed connection, from PostgreSQL's SQL state or, lacking one, pgjdbc's words. */
    static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> "check the user, and set the password in PGPASSWORD or ~/.pgpass";
            case "3D000" -> "create the database or name another one in the URL";
            default -> missingPassword(e) ? "set the password in PGPASSWORD or ~/.pgpass"
                    : "check the host, port and that the server is running";
        };
    }

    // pgjdbc says so in words, with no SQL state of its own: the server asked for a password and none was given.
    private static boolean missingPassword(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("no password was provided") || m.contains("password authentication");
    }

    static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // a connection to a server that went away: nothing left to release
        }
    }

    /** A name quoted as an SQL identifier ({@code "perfgate_base"}), so no name can inject SQL. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
