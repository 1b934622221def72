package dev.perfgate.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements and turns {@code :name} parameters into {@code ?} placeholders.
 *
 * <p>It knows just enough of PostgreSQL's lexical rules to be safe: quoted strings and identifiers,
 * {@code E''} strings, dollar quoting (function bodies), line and block comments, and the {@code ::} cast.
 * Nothing inside quotes or comments is a parameter or a statement end.
 */
final class SqlScanner {

    private final String file;
    private final String text;
    private final int firstLine;

    /** @param firstLine the file line of {@code text}'s first character */
    SqlScanner(String file, String text, int firstLine) {
        this.file = file;
        this.text = text;
        this.firstLine = firstLine;
    }

    /** The statements in the text, each with its start line; blank and comment-only pieces are dropped. */
    List<SqlStatement> statements() {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<String> params = new ArrayList<>();
        int line = firstLine;
        int startLine = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = skipQuotedOrComment(i);
            if (end > i) {
                String piece = text.substring(i, end);
                boolean comment = piece.startsWith("--") || piece.startsWith("/*");
                if (!comment && startLine < 0) startLine = line;
                sql.append(comment ? " " : piece);
                line += count(piece, '\n');
                i = end;
                continue;
            }
            if (c == ';') {
                addStatement(out, sql, params, startLine);
                sql.setLength(0);
                params = new ArrayList<>();
                startLine = -1;
                i++;
                continue;
            }
            if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                if (startLine < 0) startLine = line;
                sql.append("::");
                i += 2;
                continue;
            }
            if (c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
                params.add(text.substring(i + 1, j));
                if (startLine < 0) startLine = line;
                sql.append('?');
                i = j;
                continue;
            }
            if (c == '\n') line++;
            if (!Character.isWhitespace(c) && startLine < 0) startLine = line;
            sql.append(c);
            i++;
        }
        addStatement(out, sql, params, startLine);
        return out;
    }

    private void addStatement(List<SqlStatement> out, StringBuilder sql, List<String> params, int startLine) {
        String statement = sql.toString().strip();
        if (!statement.isEmpty() && startLine >= 0) out.add(new SqlStatement(file, startLine, statement, params));
    }

    /** End index of a quoted string, quoted identifier, dollar-quoted body or comment starting at i; else i. */
    private int skipQuotedOrComment(int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') return closingQuote(i, c);
        if ((c == 'E' || c == 'e') && i + 1 < text.length() && text.charAt(i + 1) == '\''
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return escapedString(i + 1);
        }
        if (c == '-' && text.startsWith("--", i)) {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? text.length() : nl;
        }
        if (c == '/' && text.startsWith("/*", i)) return blockComment(i);
        if (c == '$') {
            String tag = dollarTag(i);
            if (tag != null) {
                int close = text.indexOf(tag, i + tag.length());
                if (close < 0) throw unterminated(i, "dollar-quoted string " + tag);
                return close + tag.length();
            }
        }
        return i;
    }

    private int closingQuote(int i, char quote) {
        int j = i + 1;
        while (j < text.length()) {
            if (text.charAt(j) == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw unterminated(i, quote == '\'' ? "string" : "quoted identifier");
    }

    private int escapedString(int quoteIndex) {
        int j = quoteIndex + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\'') {
                if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw unterminated(quoteIndex, "string");
    }

    private int blockComment(int i) {
        int depth = 0;
        int j = i;
        while (j < text.length() - 1) {
            if (text.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) return j;
            } else {
                j++;
            }
        }
        throw unterminated(i, "comment");
    }

    /** The {@code $tag$} opening at i, or null when the dollar sign is not a dollar quote (e.g. {@code $1}). */
    private String dollarTag(int i) {
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) return null;
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
        if (j >= text.length() || text.charAt(j) != '$') return null;
        String tag = text.substring(i, j + 1);
        if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) return null;
        return tag;
    }

    private SuiteException unterminated(int index, String what) {
        int line = firstLine + count(text.substring(0, index), '\n');
        return new SuiteException(file, line, "unterminated " + what + ": close it or remove it");
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) == c) n++;
        return n;
    }
}
