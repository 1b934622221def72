package dev.perfgate.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ProfileTree} places each profiled statement and function under the one that ran it, rebuilding the call tree
 * {@code pg_stat_statements} does not keep (it has no parent link): pure, the profile's entries and the catalog's
 * description of their functions in, the entries with their {@link Profile.Parent} out.
 *
 * <p>The evidence, each from text PostgreSQL keeps:
 * <ol>
 *   <li>A nested statement belongs to the PL/pgSQL or SQL function whose body ({@code pg_proc.prosrc}) contains it:
 *       the statement's tokens occur in the body's, case and layout aside, each {@code $n} constant that
 *       {@code pg_stat_statements} put in place of a literal standing for one (PL/pgSQL's {@code PERFORM} read as the
 *       {@code SELECT} it runs, and its {@code INTO} targets dropped, as PL/pgSQL does before it runs them).</li>
 *   <li>A function belongs to the statement that calls it by name ({@code name(}) and, when it is a trigger function,
 *       to the statement that writes its trigger's table with the trigger's event ({@code pg_trigger}).</li>
 * </ol>
 * An entry is placed only when exactly one candidate is left: two functions with the same statement, two statements
 * writing the table. Everything else stays at the top level, not placed, since a wrong tree would point the reader at
 * the wrong cause. A placement that would make a cycle (a recursive function) is dropped too.
 */
public final class ProfileTree {

    /** PostgreSQL's trigger type bits ({@code TRIGGER_TYPE_INSERT} etc. in {@code pg_trigger.tgtype}). */
    public static final int INSERT = 1 << 2;
    public static final int DELETE = 1 << 3;
    public static final int UPDATE = 1 << 4;
    public static final int TRUNCATE = 1 << 5;

    /** The most tokens one {@code $n} stands for: a literal, a signed or typed one, or a list PostgreSQL 18 squashed. */
    private static final int MAX_CONSTANT_TOKENS = 64;
    /** Steps a match may take before it gives up (bounds the backtracking over {@code $n}s). */
    private static final int MATCH_BUDGET = 200_000;

    private ProfileTree() {
    }

    /**
     * A function as the catalog describes it.
     *
     * @param signature the function as the profile names it ({@code pg_proc.oid::regprocedure::text})
     * @param language  {@code pg_language.lanname}: only {@code plpgsql} and {@code sql} bodies are SQL
     * @param body      {@code pg_proc.prosrc}
     * @param triggers  the triggers that run it
     */
    public record Routine(String signature, String language, String body, List<Trigger> triggers) {
        public Routine {
            triggers = List.copyOf(triggers);
        }
    }

    /**
     * A trigger on a table.
     *
     * @param table  the table, as {@code tgrelid::regclass::text} prints it (schema-qualified when not on the path)
     * @param events the events it fires on: {@link #INSERT}, {@link #UPDATE}, {@link #DELETE}, {@link #TRUNCATE} bits
     */
    public record Trigger(String table, int events) {
    }

    /** {@code entries} each with its parent where the evidence names exactly one, in the same order. */
    public static List<Profile.Entry> placed(List<Profile.Entry> entries, List<Routine> routines) {
        Map<String, Routine> bySignature = new HashMap<>();
        for (Routine r : routines) bySignature.put(r.signature(), r);
        List<List<String>> tokens = new ArrayList<>();
        for (Profile.Entry e : entries) tokens.add(e.kind().equals(Profile.STATEMENT) ? SqlTokens.of(e.text()) : List.of());
        Profile.Entry[] parents = new Profile.Entry[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Profile.Entry e = entries.get(i);
            List<Profile.Entry> candidates = e.kind().equals(Profile.FUNCTION)
                    ? callers(e, bySignature.get(e.text()), entries, tokens)
                    : e.toplevel() ? List.of() : owners(tokens.get(i), entries, bySignature);
            parents[i] = candidates.size() == 1 ? candidates.get(0) : null;
        }
        List<Profile.Entry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Profile.Entry p = cycles(i, entries, parents) ? null : parents[i];
            out.add(entries.get(i).withParent(p == null ? null : Profile.Parent.of(p)));
        }
        return out;
    }

    /** The functions whose bodies contain the statement. */
    private static List<Profile.Entry> owners(List<String> statement, List<Profile.Entry> entries,
                                              Map<String, Routine> routines) {
        List<Profile.Entry> out = new ArrayList<>();
        for (Profile.Entry f : entries) {
            Routine r = routines.get(f.text());
            if (!f.kind().equals(Profile.FUNCTION) || r == null || r.body() == null) continue;
            if (!r.language().equals("plpgsql") && !r.language().equals("sql")) continue;
            if (written(statement, r.body())) out.add(f);
        }
        return out;
    }

    /** The statements that call the function by name or fire it as a trigger. */
    private static List<Profile.Entry> callers(Profile.Entry function, Routine routine, List<Profile.Entry> entries,
                                               List<List<String>> tokens) {
        String name = bareName(function.text());
        List<Profile.Entry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Profile.Entry s = entries.get(i);
            if (!s.kind().equals(Profile.STATEMENT)) continue;
            if (calls(tokens.get(i), name) || routine != null && fires(tokens.get(i), routine.triggers())) out.add(s);
        }
        return out;
    }

    /** True when following parents from entry {@code i} comes back to it. */
    private static boolean cycles(int i, List<Profile.Entry> entries, Profile.Entry[] parents) {
        Set<Integer> seen = new HashSet<>();
        int at = i;
        while (parents[at] != null) {
            if (!seen.add(at)) return true;
            at = entries.indexOf(parents[at]);
            if (at == i) return true;
        }
        return false;
    }

    /**
     * True when the statement is one of the body's: its tokens occur there, each {@code $n} standing for a constant,
     * from where a statement starts (the body's start, or after {@code ;}, {@code BEGIN}, {@code THEN}, {@code ELSE},
     * {@code LOOP}, {@code RETURN QUERY}, {@code FOR ... IN}, {@code OPEN ... FOR}) to where one ends ({@code ;},
     * {@code LOOP} or the body's end), so a statement is not matched inside a longer one. A PL/pgSQL expression
     * that is not simple ({@code IF EXISTS (SELECT ...)}, {@code v := (SELECT ...)}) runs as {@code SELECT} and
     * the expression, which ends at {@code ;}, {@code THEN} or {@code LOOP}.
     */
    static boolean written(List<String> statement, String body) {
        List<String> s = new ArrayList<>(statement);
        while (!s.isEmpty() && s.get(s.size() - 1).equals(";")) s.remove(s.size() - 1);
        if (s.isEmpty()) return false;
        List<String> b = asRun(SqlTokens.of(body));
        if (occurs(s, b, STATEMENT_STARTS, Set.of(";", "loop"), true)) return true;
        return s.size() > 1 && s.get(0).equals("select")
                && occurs(s.subList(1, s.size()), b, null, Set.of(";", "then", "loop"), true);
    }

    /** Tokens a statement in a PL/pgSQL or SQL body follows. */
    private static final Set<String> STATEMENT_STARTS = Set.of(";", "begin", "then", "else", "loop", "query", "in",
            "for");

    /** True when {@code s} occurs in {@code b} after a token in {@code starts} (null: anywhere), before one in {@code ends}. */
    private static boolean occurs(List<String> s, List<String> b, Set<String> starts, Set<String> ends, boolean atEnd) {
        int[] budget = {MATCH_BUDGET};
        for (int j = 0; j < b.size(); j++) {
            if (starts != null && j > 0 && !starts.contains(b.get(j - 1))) continue;
            if (matches(s, 0, b, j, budget, end -> end == b.size() && atEnd || end < b.size() && ends.contains(b.get(end)))) {
                return true;
            }
            if (budget[0] < 0) return false;
        }
        return false;
    }

    private static boolean matches(List<String> s, int i, List<String> b, int j, int[] budget,
                                   java.util.function.IntPredicate endsThere) {
        if (--budget[0] < 0) return false;
        if (i == s.size()) return endsThere.test(j);
        if (j >= b.size()) return false;
        String t = s.get(i);
        if (b.get(j).equals(t)) return matches(s, i + 1, b, j + 1, budget, endsThere);
        if (!SqlTokens.isPlaceholder(t)) return false;
        // a constant, or a list of them (PostgreSQL 18 shows IN (1, 2, 3) as IN ($1 /*, ... */))
        for (int end = literal(b, j); end > j && end - j <= MAX_CONSTANT_TOKENS; end = more(b, end)) {
            if (matches(s, i + 1, b, end, budget, endsThere)) return true;
        }
        return false;
    }

    /** The end of the literal starting at {@code j}: {@code -1.5}, {@code 'x'}, {@code true}, {@code interval '1 day'}. */
    private static int literal(List<String> b, int j) {
        int k = j;
        while (k < b.size() && (b.get(k).equals("-") || b.get(k).equals("+"))) k++;
        if (k >= b.size()) return j;
        String x = b.get(k);
        char c = x.charAt(0);
        if (c == '\'' || Character.isDigit(c) || c == '.' || x.startsWith("$") && !SqlTokens.isPlaceholder(x)) return k + 1;
        if (x.equals("true") || x.equals("false")) return k + 1;
        if (Character.isLetter(c) && k + 1 < b.size() && b.get(k + 1).startsWith("'")) return k + 2; // typed literal
        return j;
    }

    /** The end of one more {@code , literal} after {@code end}; -1 when there is none. */
    private static int more(List<String> b, int end) {
        if (end >= b.size() || !b.get(end).equals(",")) return -1;
        int next = literal(b, end + 1);
        return next > end + 1 ? next : -1;
    }

    /** A PL/pgSQL body's tokens as its statements run: {@code PERFORM} as {@code SELECT}, {@code INTO} targets gone. */
    private static List<String> asRun(List<String> body) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String t = body.get(i);
            String before = out.isEmpty() ? "" : out.get(out.size() - 1);
            if (t.equals("into") && !before.equals("insert") && !before.equals("merge")) {
                i = afterTargets(body, i + 1);
                continue;
            }
            out.add(t.equals("perform") ? "select" : t);
        }
        return out;
    }

    /** The index of the last token of {@code [STRICT] target[, target ...]} starting at {@code i}. */
    private static int afterTargets(List<String> body, int i) {
        if (i < body.size() && body.get(i).equals("strict")) i++;
        while (i < body.size()) {
            i++; // a name
            while (i + 1 < body.size() && body.get(i).equals(".")) i += 2;
            if (i >= body.size() || !body.get(i).equals(",")) break;
            i++;
        }
        return i - 1;
    }

    /** True when the tokens call {@code name(}. */
    private static boolean calls(List<String> tokens, String name) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (unquoted(tokens.get(i)).equals(name) && tokens.get(i + 1).equals("(")) return true;
        }
        return false;
    }

    /** True when the statement writes a table one of the triggers is on, with an event it fires on. */
    private static boolean fires(List<String> tokens, List<Trigger> triggers) {
        for (Write w : writes(tokens)) {
            for (Trigger t : triggers) if ((t.events() & w.events) != 0 && sameTable(w.table, t.table())) return true;
        }
        return false;
    }

    private record Write(String table, int events) {
    }

    /** The tables a statement writes and how: {@code INSERT INTO t}, {@code UPDATE t}, {@code DELETE FROM t}, ... */
    static List<Write> writes(List<String> t) {
        List<Write> out = new ArrayList<>();
        boolean upsert = String.join(" ", t).matches(".*\\bdo update\\b.*");
        for (int i = 0; i < t.size(); i++) {
            String before = i == 0 ? "" : t.get(i - 1);
            int events;
            int at;
            switch (t.get(i)) {
                case "insert" -> { events = INSERT | (upsert ? UPDATE : 0); at = skip(t, i + 1, "into"); }
                case "update" -> { events = before.equals("for") || before.equals("do") ? 0 : UPDATE; at = i + 1; }
                case "delete" -> { events = DELETE; at = skip(t, i + 1, "from"); }
                case "merge" -> { events = INSERT | UPDATE | DELETE; at = skip(t, i + 1, "into"); }
                case "truncate" -> { events = TRUNCATE; at = skip(t, i + 1, "table"); }
                default -> { events = 0; at = i; }
            }
            if (events == 0) continue;
            at = skip(t, at, "only");
            if (at >= t.size() || t.get(at).equals("set") || !isName(t.get(at))) continue;
            String table = unquoted(t.get(at));
            if (at + 2 < t.size() && t.get(at + 1).equals(".")) table += "." + unquoted(t.get(at + 2));
            out.add(new Write(table, events));
        }
        return out;
    }

    private static int skip(List<String> t, int i, String word) {
        return i < t.size() && t.get(i).equals(word) ? i + 1 : i;
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' || c == '"';
    }

    /** Equal tables: the same name, and the same schema when both name one. */
    static boolean sameTable(String written, String triggered) {
        String[] a = split(written);
        String[] b = split(triggered);
        return a[1].equals(b[1]) && (a[0].isEmpty() || b[0].isEmpty() || a[0].equals(b[0]));
    }

    /** {@code schema.table} to {@code [schema, table]} (schema empty when not given), quotes removed. */
    private static String[] split(String name) {
        List<String> parts = SqlTokens.of(name).stream().filter(p -> !p.equals(".")).map(ProfileTree::unquoted).toList();
        if (parts.isEmpty()) return new String[] {"", ""};
        return new String[] {parts.size() > 1 ? parts.get(parts.size() - 2) : "", parts.get(parts.size() - 1)};
    }

    private static String unquoted(String token) {
        return token.length() > 1 && token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
    }

    /** {@code tviews.tv_product_build(integer)} to {@code tv_product_build}. */
    static String bareName(String signature) {
        int paren = signature.indexOf('(');
        List<String> parts = SqlTokens.of(paren < 0 ? signature : signature.substring(0, paren));
        return parts.isEmpty() ? "" : unquoted(parts.get(parts.size() - 1));
    }
}
