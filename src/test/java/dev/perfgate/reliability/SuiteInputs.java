package dev.perfgate.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated pieces of suite files for {@link SuiteFuzzTest}: marker, settings and parameter lines with edge values,
 * SQL lines full of quotes, dollar quotes and comments, edits of real files, and huge numbers.
 */
final class SuiteInputs {

    private SuiteInputs() {
    }

    static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> m = Combinators.combine(Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(0, 2), Arbitraries.oneOf(Arbitraries.of(PIECES),
                        Arbitraries.strings().ofMaxLength(3)), Arbitraries.integers().between(1, 60)).as(Mutation::new);
        return m.list().ofMinSize(1).ofMaxSize(6);
    }

    static Arbitrary<List<String>> suiteLines() {
        return anyLine().list().ofMaxSize(12);
    }

    static Arbitrary<List<String>> benchmarkLines() {
        // Usually a run marker somewhere, so the generated files get past "no timed part" to the deeper checks.
        return Combinators.combine(anyLine().list().ofMaxSize(10), Arbitraries.of("-- perfgate:run", "-- perfgate:run A",
                "-- perfgate:setup", ""), sqlLine().list().ofMaxSize(4), anyLine().list().ofMaxSize(6))
                .as((head, marker, body, tail) -> {
                    List<String> lines = new ArrayList<>(head);
                    lines.add(marker);
                    lines.addAll(body);
                    lines.addAll(tail);
                    return lines;
                });
    }

    static Arbitrary<String> hugeNumber() {
        return Arbitraries.oneOf(Arbitraries.of("2147483647", "2147483648", "4294967296", "9223372036854775807",
                        "9223372036854775808", "99999999999999999999999999999", "1" + "0".repeat(5000)),
                Arbitraries.longs().between(Integer.MAX_VALUE, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(400));
    }

    static Arbitrary<String> numericKey() {
        return Arbitraries.of("iterations", "warmup", "seed", "scale", "timeout", "fail_threshold", "alpha", "param",
                "param-low");
    }

    /** One edit: replace a character, delete a span, or insert a piece of suite syntax. */
    record Mutation(int at, int kind, String piece, int span) {
        void apply(StringBuilder text) {
            int i = Math.min(at, text.length());
            switch (kind) {
                case 0 -> {
                    if (i < text.length()) text.replace(i, i + 1, piece);
                }
                case 1 -> text.delete(i, Math.min(text.length(), i + span));
                default -> text.insert(i, piece);
            }
        }
    }

    private static final List<String> PIECES = List.of("'", "\"", "$$", "$x$", "/*", "*/", "--", ";", ":", "::", ":id",
            ":nope", "\n", "\r\n", "\u0000", "E'\\", "-- perfgate:run\n", "-- perfgate:run A\n", "-- perfgate:run B\n",
            "-- perfgate:setup\n", "-- perfgate:teardown\n", "-- perfgate: iterations=0\n", "-- perfgate: timeout=\n",
            "-- perfgate:param id = int(5, 1)\n", "=", "%", "\uFEFF", "\uD800");

    private static final List<String> KEYS = List.of("iterations", "warmup", "unit", "direction", "isolation", "timeout",
            "metric", "seed", "scale", "fail_threshold", "warn_threshold", "alpha", "ITERATIONS", "colour", "", "a b");
    private static final List<String> VALUES = List.of("0", "1", "-1", "5", "30", "2147483647", "2147483648",
            "99999999999999999999", "9223372036854775807", "1e9", "NaN", "Infinity", "-Infinity", "0.5", "10%", "-5%",
            "100%", "0%", "1e-400", "1e400", "%", "", "ms", "x", "lower", "higher", "up", "rollback", "commit", "time",
            "ratio", "500ms", "30s", "2min", "0ms", "999999999999min", "9223372036854775807ms",
            "9223372036854775807s", "2147483647ms", "2147483648ms", "35791min", "35792min", "1h", "ms5", "5 ms",
            "٣", "１０", "\t", "=", "==", "a=b");

    private static Arbitrary<String> settingLine() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(" ", "", "  "),
                Arbitraries.of(VALUES)).as((k, sp, v) -> k + sp + "=" + sp + v);
        return pair.list().ofMinSize(0).ofMaxSize(4).map(ps -> "-- perfgate: " + String.join(" ", ps));
    }

    private static Arbitrary<String> paramLine() {
        Arbitrary<String> bound = Arbitraries.oneOf(Arbitraries.of("0", "1", "5", "1000", "2147483647", "2147483648",
                        "4294967296", "9223372036854775806", "9223372036854775807", "9223372036854775808",
                        "99999999999999999999", "-1", "x", ""),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf));
        Arbitrary<String> scaled = Arbitraries.of("", "*scale", " * scale", "*SCALE", "*2");
        return Combinators.combine(Arbitraries.of("id", "x", "scale", "_", "1a", "id"), bound, scaled, bound, scaled,
                Arbitraries.of("int", "INT", "rand")).as((name, lo, ls, hi, hs, fn) ->
                "-- perfgate:param " + name + " = " + fn + "(" + lo + ls + ", " + hi + hs + ")");
    }

    private static Arbitrary<String> markerLine() {
        return Arbitraries.of("-- perfgate:setup", "-- perfgate:run", "-- perfgate:run A", "-- perfgate:run B",
                "-- perfgate:teardown", "-- perfgate:RUN", "--perfgate:run", "  -- perfgate:run  ", "-- perfgate:run C",
                "-- perfgate:", "-- perfgate:runn", "-- perfgate:  run", "-- PERFGATE:setup", "-- perfgate:run\r");
    }

    private static Arbitrary<String> sqlLine() {
        return Arbitraries.oneOf(
                Arbitraries.of("SELECT 1;", "SELECT :id;", "SELECT :scale;", "SELECT :nope;", "SELECT 1::int;",
                        "SELECT 'a;b';", "SELECT 'unterminated", "SELECT \"x", "SELECT $$ ; $$;", "SELECT $a$ x $b$;",
                        "SELECT $1;", "/* a /* b */ c */ SELECT 2;", "/* open", "SELECT E'\\'';", "SELECT E'\\",
                        ";", ";;;", "-- a comment", "", "   ", "SELECT ':id';", "UPDATE t SET v = :x WHERE id = :id;"),
                Arbitraries.strings().withChars("SELCT;:'\"$/*-\n ()idx0123456789").ofMaxLength(30));
    }

    private static Arbitrary<String> anyLine() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, settingLine()), Tuple.of(2, paramLine()),
                Tuple.of(3, markerLine()), Tuple.of(5, sqlLine()),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }
}
