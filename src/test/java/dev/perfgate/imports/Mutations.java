package dev.perfgate.imports;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Generated inputs made from real files: cut short at any point, or edited in a few places. */
final class Mutations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What a value may be replaced with: wrong types, bad numbers, and shapes that look almost right. */
    private static final List<String> REPLACEMENTS = List.of("null", "-1", "0", "1e300", "-0.5", "\"NaN\"",
            "\"x\"", "\"\"", "true", "[]", "{}", "[[]]", "[[1.5, 2.5]]", "[[-1]]", "[[[[1.0, 3]]]]", "[[[[1.0, -3]]]]",
            "[null]", "{\"a\": \"b\"}", "12345678901234567890");

    private Mutations() {
    }

    /**
     * One of the JSON {@code bases} with one to three values replaced (by one of {@link #REPLACEMENTS}) or
     * removed: valid JSON with the wrong content, which reaches the importers' checks past the syntax.
     */
    static Arbitrary<String> jsonTreeMutants(List<String> bases) {
        return Arbitraries.of(bases).flatMap(base -> {
            JsonNode tree = parse(base);
            List<JsonPointer> places = new ArrayList<>();
            collect(tree, JsonPointer.empty(), places);
            Arbitrary<TreeEdit> edit = Combinators.combine(Arbitraries.integers().between(0, places.size() - 1),
                    Arbitraries.integers().between(0, 3), Arbitraries.of(REPLACEMENTS)).as(
                            (i, kind, value) -> new TreeEdit(places.get(i), kind == 0, parse(value)));
            return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
                JsonNode copy = tree.deepCopy();
                edits.forEach(e -> e.apply(copy));
                return copy.toPrettyString();
            });
        });
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

    /** Replaces or removes the value at {@code at}; nothing when an earlier edit removed it. */
    private record TreeEdit(JsonPointer at, boolean remove, JsonNode value) {
        void apply(JsonNode root) {
            JsonNode parent = root.at(at.head());
            String key = at.last().getMatchingProperty();
            int index = at.last().getMatchingIndex();
            if (parent instanceof ObjectNode o && o.has(key)) {
                if (remove) o.remove(key);
                else o.set(key, value.deepCopy());
            } else if (parent instanceof ArrayNode a && index >= 0 && index < a.size()) {
                if (remove) a.remove(index);
                else a.set(index, value.deepCopy());
            }
        }
    }

    /** One of {@code bases}, cut at a random position. */
    static Arbitrary<String> truncations(List<String> bases) {
        return Arbitraries.of(bases).flatMap(base ->
                Arbitraries.integers().between(0, base.length() - 1).map(cut -> base.substring(0, cut)));
    }

    /**
     * One of {@code bases} with one to five edits (replace a character, delete up to 40, insert one), the new
     * characters drawn mostly from {@code alphabet} (the format's own syntax) and sometimes from anywhere.
     */
    static Arbitrary<String> mutants(List<String> bases, String alphabet) {
        Arbitrary<Character> typical = Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> any = Arbitraries.frequencyOf(Tuple.of(4, typical), Tuple.of(1, Arbitraries.chars()));
        return Arbitraries.of(bases).flatMap(base -> {
            Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, base.length() - 1),
                    Arbitraries.integers().between(0, 2), any, Arbitraries.integers().between(1, 40)).as(Edit::new);
            return edit.list().ofMinSize(1).ofMaxSize(5).map(edits -> {
                StringBuilder text = new StringBuilder(base);
                edits.forEach(e -> e.apply(text));
                return text.toString();
            });
        });
    }

    /** One edit at {@code at}: replace a character, delete a span, or insert a character. */
    private record Edit(int at, int kind, char c, int span) {
        void apply(StringBuilder text) {
            if (text.length() == 0) {
                text.append(c);
                return;
            }
            int i = Math.min(at, text.length() - 1);
            switch (kind) {
                case 0 -> text.setCharAt(i, c);
                case 1 -> text.delete(i, Math.min(text.length(), i + span));
                default -> text.insert(i, c);
            }
        }
    }
}
