package dev.perfgate.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * A {@code Where} is a location inside a JSON document, kept in two spellings: {@code path} for people
 * ({@code benchmarks[2].samples[5]}, indices from 0 as in jq) and {@code pointer} to find its line again.
 * Shared by the results codec and the importers, so every JSON error names its place the same way.
 */
public record Where(String path, JsonPointer pointer) {

    public static final Where ROOT = new Where("", JsonPointer.empty());

    public Where field(String name) {
        return new Where(path.isEmpty() ? name : path + "." + name, pointer.appendProperty(name));
    }

    public Where index(int i) {
        return new Where(path + "[" + i + "]", pointer.appendIndex(i));
    }

    public boolean isRoot() {
        return path.isEmpty();
    }

    /**
     * The line where this location starts, found by reading the document again with {@code parser} (only on the
     * error path, so a valid file pays nothing for it); 0 when it cannot be found. Closes the parser.
     */
    public int lineIn(JsonParser parser) {
        String target = pointer.toString();
        try (parser) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = parser.getParsingContext();
                // A '{' or '[' has already opened its own context; its position is in the parent's.
                if (token.isStructStart()) context = context.getParent();
                if (context.pathAsPointer().toString().equals(target)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the location is a courtesy: the message stands without it
        }
        return 0;
    }
}
