package dev.perfgate.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.perfgate.json.Fields;
import dev.perfgate.json.JsonSource;
import dev.perfgate.json.Where;

/**
 * A harness's JSON output, read: its root, checked to be of the type the harness writes, and the field reader whose
 * failures name the file, line and path. Every JSON importer starts here, so a file of the wrong kind fails the
 * same way whichever harness it was given to.
 *
 * @param in   typed reads of the document's fields
 * @param root the whole document, of the type {@link #read} was asked for
 */
record JsonInput(Fields in, JsonNode root) {

    /**
     * Parses {@code text}; syntax errors, an empty input and a root of another type fail as one line.
     *
     * @param expected what the input should be, for messages, e.g. "JMH's JSON results (-rf json)"
     * @param type     the root's type, e.g. {@link JsonNodeType#ARRAY}
     * @param shape    that type as the message shows it, e.g. {@code an array [...] of benchmark results}
     */
    static JsonInput read(String sourceName, String text, String expected, JsonNodeType type, String shape) {
        JsonSource source = JsonSource.of(sourceName, text, expected);
        Fields in = new Fields(source);
        JsonNode root = source.readTree();
        if (root.getNodeType() != type) throw in.wrongType(Where.ROOT, root, shape, "expected " + expected);
        return new JsonInput(in, root);
    }
}
