package dev.perfgate.reliability;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated variants of real JSON documents: cut short anywhere, edited character by character, or with values
 * replaced by wrong types, huge numbers, deep nesting and long strings (valid JSON with the wrong content, which
 * gets past the syntax to the readers' checks).
 */
final class JsonMutants {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \n\\tfnulNaI";
    private static final List<String> REPLACEMENTS = List.of("null", "-1", "0", "-0.0", "1e308", "1e309", "-1e309",
            "4.9e-324", "\"NaN\"", "NaN", "Infinity", "\"x\"", "\"\"", "true", "[]", "{}", "[[]]", "[null]", "[-1]",
            "[1e400]", "12345678901234567890", "123456789012345678901234567890e10", "\"2026-13-45T99:00:00Z\"",
            "\"perfgate-results/2\"", "\"perfgate-results/1\"", "{\"a\": \"b\"}", "\"<script>alert(1)</script>|**x**\"",
            "[" + "[".repeat(100) + "]".repeat(100) + "]", "\"" + "x".repeat(100_000) + "\"",
            "[" + "1.5,".repeat(20_000) + "1.5]");

    private JsonMutants() {
    }

    /** Truncations, character edits and tree edits of {@code base}, mixed. */
    static Arbitrary<String> of(String base) {
        return Arbitraries.frequencyOf(Tuple.of(1, truncations(base)), Tuple.of(2, characterEdits(base)),
                Tuple.of(3, treeEdits(base)));
    }

    static Arbitrary<String> truncations(String base) {
        return Arbitraries.integers().between(0, base.length() - 1).map(cut -> base.substring(0, cut));
    }

    static Arbitrary<String> characterEdits(String base) {
        Arbitrary<Character> jsonish = Arbitraries.of(JSON_CHARS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> replacement = Arbitraries.frequencyOf(Tuple.of(4, jsonish), Tuple.of(1, Arbitraries.chars()));
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, base.length() - 1),
                Arbitraries.integers().between(0, 2), replacement, Arbitraries.integers().between(1, 40))
                .as((at, kind, c, span) -> new int[]{at, kind, c, span});
        return edit.list().ofMinSize(1).ofMaxSize(5).map(edits -> {
            StringBuilder text = new StringBuilder(base);
            for (int[] e : edits) {
                int i = Math.min(e[0], text.length());
                switch (e[1]) {
                    case 0 -> {
                        if (i < text.length()) text.setCharAt(i, (char) e[2]);
                    }
                    case 1 -> text.delete(i, Math.min(text.length(), i + e[3]));
                    default -> text.insert(i, (char) e[2]);
                }
            }
            return text.toString();
        });
    }

    static Arbitrary<String> treeEdits(String base) {
        JsonNode tree = parse(base);
        List<JsonPointer> places = new ArrayList<>();
        collect(tree, JsonPointer.empty(), places);
        Arbitrary<Object[]> edit = Combinators.combine(Arbitraries.integers().between(0, places.size() - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(REPLACEMENTS))
                .as((i, kind, value) -> new Object[]{places.get(i), kind == 0, value});
        return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            JsonNode copy = tree.deepCopy();
            for (Object[] e : edits) apply(copy, (JsonPointer) e[0], (Boolean) e[1], parse((String) e[2]));
            return copy.toString();
        });
    }

    private static void apply(JsonNode root, JsonPointer at, boolean remove, JsonNode value) {
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            if (remove) o.remove(last);
            else o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            int i = at.last().getMatchingIndex();
            if (i < 0 || i >= a.size()) return;
            if (remove) a.remove(i);
            else a.set(i, value);
        }
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonPointer child = at.appendProperty(e.getKey());
                out.add(child);
                collect(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at.appendIndex(i));
                collect(node.get(i), at.appendIndex(i), out);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
