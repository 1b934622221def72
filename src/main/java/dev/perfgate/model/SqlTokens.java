package dev.perfgate.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SqlTokens} splits SQL text into the tokens that decide whether a statement {@code pg_stat_statements} kept is
 * one written in a function's body: words lower-cased (quoted identifiers and string literals kept as written),
 * comments and whitespace dropped, so that layout and case do not matter (pure).
 */
final class SqlTokens {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private SqlTokens() {
    }

    /** The tokens of {@code sql}. */
    static List<String> of(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            int end;
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            } else if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            } else if (ch == '\'') {
                end = quoted(sql, i, '\'');
            } else if (ch == '"') {
                end = quoted(sql, i, '"');
            } else if (ch == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                end = run(sql, i + 1, Character::isDigit);
            } else if (ch == '$') {
                end = dollarQuoted(sql, i);
            } else if (Character.isDigit(ch) || ch == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                end = run(sql, i, c -> Character.isLetterOrDigit(c) || c == '.');
            } else if (Character.isLetter(ch) || ch == '_') {
                end = run(sql, i, c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
                out.add(sql.substring(i, end).toLowerCase(java.util.Locale.ROOT));
                i = end;
                continue;
            } else if (sql.startsWith("::", i)) {
                end = i + 2;
            } else if (OPERATOR_CHARS.indexOf(ch) >= 0) {
                end = run(sql, i, c -> OPERATOR_CHARS.indexOf(c) >= 0);
            } else {
                end = i + 1;
            }
            out.add(sql.substring(i, end));
            i = end;
        }
        return out;
    }

    /** True for a constant {@code pg_stat_statements} put in place of a literal ({@code $1}). */
    static boolean isPlaceholder(String token) {
        return token.length() > 1 && token.charAt(0) == '$' && Character.isDigit(token.charAt(1));
    }

    private static int quoted(String sql, int start, char q) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The end of {@code $tag$ ... $tag$}; a lone {@code $} is one token. */
    private static int dollarQuoted(String sql, int start) {
        int close = sql.indexOf('$', start + 1);
        if (close < 0) return start + 1;
        String tag = sql.substring(start, close + 1);
        if (!tag.chars().skip(1).limit(tag.length() - 2L).allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            return start + 1;
        }
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    private static int run(String sql, int start, java.util.function.IntPredicate part) {
        int i = start;
        while (i < sql.length() && part.test(sql.charAt(i))) i++;
        return i;
    }
}
