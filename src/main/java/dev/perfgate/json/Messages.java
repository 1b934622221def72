package dev.perfgate.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Wording shared by every reader's error messages, so that all of them read alike: one line, no Java. */
public final class Messages {

    private Messages() {
    }

    /** Jackson's message without its "[Source: ...]" trailer, which repeats what we already say. */
    public static String jackson(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        for (String noise : new String[] {" (start marker at", "\n at [Source", " at [Source"}) {
            int cut = message.indexOf(noise);
            if (cut >= 0) message = message.substring(0, cut);
        }
        // Constraint messages end in "(64, from `StreamReadConstraints.getMaxNestingDepth()`)": Java, not advice.
        return message.replaceAll(", from `[^`]*`", "");
    }

    /** The text on one line, at most 300 characters: input quoted into a message must not flood the terminal. */
    public static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** What a value is, for messages: its kind and, for scalars, a short rendering of it. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        if (value.isTextual()) return "the string " + quote(value.textValue());
        if (value.isNumber()) return "the number " + value.asText();
        if (value.isBoolean()) return value.asText();
        if (value.isNull()) return "null";
        return value.isArray() ? "an array" : "an object";
    }

    /** A user-supplied string as a JSON literal, shortened: safe to embed in a one-line message. */
    public static String quote(String text) {
        return new TextNode(text.length() > 60 ? text.substring(0, 60) + "..." : text).toString();
    }
}
