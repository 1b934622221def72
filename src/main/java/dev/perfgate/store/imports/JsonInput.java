package dev.perfgate.store.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.PerfgateException;
import dev.perfgate.store.Messages;
import dev.perfgate.store.Where;

import java.io.IOException;

/**
 * A {@code JsonInput} is one JSON document from another harness being read, under the name errors should show.
 * Every problem becomes a one-line {@link PerfgateException}: {@code name:line: path: problem; what to do}, as
 * {@link dev.perfgate.store.ResultsJson} reports them.
 */
final class JsonInput {

    // JMH's documents are 6 levels deep; Jackson's default nesting limit (1000) is for others.
    private static final int MAX_NESTING_DEPTH = 64;
    private static final int MAX_STRING_CHARS = 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(ImportFiles.MAX_JSON_BYTES)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so a bare NaN gets "is NaN", not a syntax error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;
    private final String text;
    private final String expected;

    /** @param expected what the input should be, for messages, e.g. "JMH's JSON results (-rf json)" */
    JsonInput(String name, String text, String expected) {
        this.name = name;
        this.text = text;
        this.expected = expected;
    }

    /** Parses the whole document; syntax errors, limits and trailing garbage become PerfgateExceptions. */
    JsonNode root() {
        if (text.isBlank()) throw new PerfgateException(name + ": empty, no JSON in it; expected " + expected);
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                JsonNode root = MAPPER.readTree(parser);
                if (parser.nextToken() != null) {
                    throw failAt(parser.currentTokenLocation(), "unexpected content after the end of the JSON "
                            + "document", "expected one document: " + expected);
                }
                return root;
            } catch (JsonEOFException e) {
                throw failAt(e.getLocation(), "JSON ends too early: " + Messages.jackson(e),
                        "the file looks truncated: did the run finish? Re-create it");
            } catch (StreamConstraintsException e) {
                throw failAt(parser.currentLocation(), "input exceeds perfgate's limits: " + Messages.jackson(e),
                        "check that this is " + expected);
            } catch (JsonProcessingException e) {
                throw failAt(e.getLocation(), "not valid JSON: " + Messages.jackson(e), "expected " + expected);
            }
        } catch (IOException e) {
            throw new PerfgateException(name + ": cannot read: " + Messages.oneLine(String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            throw new PerfgateException(name + ": JSON nested too deeply; expected " + expected);
        }
    }

    /** The failure for a problem at {@code where}; the caller throws it. */
    PerfgateException fail(Where where, String problem, String advice) {
        int line = lineOf(where);
        String place = line > 0 ? name + ":" + line : name;
        String at = where.isRoot() ? "" : " " + where.path() + ":";
        return new PerfgateException(place + ":" + at + " " + Messages.oneLine(problem) + "; " + Messages.oneLine(advice));
    }

    PerfgateException wrongType(Where where, JsonNode found, String expectedType, String advice) {
        return fail(where, "expected " + expectedType + ", found " + Messages.describe(found), advice);
    }

    /** The field's value, or {@code null} when it is missing or JSON {@code null}. */
    static JsonNode get(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** An optional string field; any other JSON type is an error. */
    String text(JsonNode object, Where at, String key) {
        JsonNode value = get(object, key);
        if (value == null) return null;
        if (!value.isTextual()) throw wrongType(at.field(key), value, "a string", "expected " + expected);
        return value.textValue();
    }

    /** An optional whole number from 0 to {@code Integer.MAX_VALUE}, or {@code absent}. */
    int count(JsonNode object, Where at, String key, int absent) {
        JsonNode value = get(object, key);
        if (value == null) return absent;
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw wrongType(at.field(key), value, "a whole number", "expected " + expected);
        }
        return value.intValue();
    }

    /** A number; JMH writes NaN as the string "NaN", so such strings are numbers too. */
    static double number(JsonNode value) {
        if (value != null && value.isNumber()) return value.doubleValue();
        if (value != null && value.isTextual()) {
            switch (value.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException("not a number");
    }

    static boolean isNumber(JsonNode value) {
        try {
            number(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private PerfgateException failAt(JsonLocation location, String problem, String advice) {
        String place = name;
        if (location != null && location.getLineNr() > 0) {
            place += ":" + location.getLineNr() + ":" + location.getColumnNr();
        }
        return new PerfgateException(place + ": " + Messages.oneLine(problem) + "; " + Messages.oneLine(advice));
    }

    /** The line where {@code where} starts, found by parsing again (on the error path only); 0 if not found. */
    private int lineOf(Where where) {
        try {
            return where.lineIn(MAPPER.createParser(text));
        } catch (IOException e) {
            return 0;
        }
    }
}
