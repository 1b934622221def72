package dev.perfgate.postgres;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * How an SQL error reads in perfgate's one-line messages: PostgreSQL's message with its DETAIL and HINT, which often
 * carry the answer ("Server is version 18, library is version 15."), never only with {@code --debug}.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The error's first line, then PostgreSQL's {@code DETAIL: ...} and {@code HINT: ...} when it sent them. */
    public static String oneLine(SQLException e) {
        StringBuilder out = new StringBuilder(firstLine(e.getMessage()));
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            append(out, "DETAIL", m.getDetail());
            append(out, "HINT", m.getHint());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String label, String text) {
        if (text == null || text.isBlank()) return;
        out.append(out.toString().endsWith(".") ? " " : ". ").append(label).append(": ")
                .append(text.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
