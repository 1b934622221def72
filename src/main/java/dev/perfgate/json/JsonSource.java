package dev.perfgate.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.PerfgateException;

import java.io.IOException;

/**
 * A {@code JsonSource} is one JSON document being read (a file's bytes or an in-memory string) under the name
 * errors should show. It turns every problem into a one-line {@link PerfgateException} with
 * {@code name:line: path: problem; what to do}.
 */
public final class JsonSource {

    /** What perfgate's own files are, for messages. */
    public static final String RESULTS_FILE = "a perfgate results file";

    private final String name;
    private final ObjectMapper mapper = Json.MAPPER;
    private final byte[] bytes;
    private final String text;
    private final String expected;

    private JsonSource(String name, byte[] bytes, String text, String expected) {
        this.name = name;
        this.bytes = bytes;
        this.text = text;
        this.expected = expected;
    }

    /**
     * A document held as bytes.
     *
     * @param expected what the input should be, for messages, e.g. "JMH's JSON results (-rf json)"
     */
    public static JsonSource of(String name, byte[] bytes, String expected) {
        return new JsonSource(name, bytes, null, expected);
    }

    /** A document held as text; {@code expected} as in {@link #of(String, byte[], String)}. */
    public static JsonSource of(String name, String text, String expected) {
        return new JsonSource(name, null, text, expected);
    }

    /** What the input should be, e.g. {@value #RESULTS_FILE}. */
    public String expected() {
        return expected;
    }

    public String name() {
        return name;
    }

    /** Parses the whole document; syntax errors, limits and trailing garbage become PerfgateExceptions. */
    public JsonNode readTree() {
        try (JsonParser parser = open()) {
            return readTree(parser);
        } catch (IOException e) {
            throw new PerfgateException(name + ": cannot read: " + Messages.oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    private JsonNode readTree(JsonParser parser) {
        try {
            JsonNode root = mapper.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new PerfgateException(name + ": empty, no JSON in it; expected " + expected);
            }
            if (parser.nextToken() != null) {
                throw failAt(parser.currentTokenLocation(), "unexpected content after the end of the JSON document",
                        "expected one document: " + expected);
            }
            return root;
        } catch (JsonEOFException e) {
            throw failAt(e.getLocation(), "JSON ends too early: " + Messages.jackson(e),
                    "the file looks truncated (did the run finish?): re-create it or restore it from version control");
        } catch (StreamConstraintsException e) {
            // Jackson does not say where a limit was hit; the parser still knows.
            throw failAt(parser.currentLocation(), "input exceeds perfgate's limits: " + Messages.jackson(e),
                    "check that this is " + expected);
        } catch (JsonProcessingException e) {
            String message = Messages.jackson(e);
            throw failAt(e.getLocation(), "not valid JSON: " + message,
                    message.startsWith("Duplicate field") ? "remove one of the two" : "fix the JSON syntax (expected "
                            + expected + ")");
        } catch (IOException e) {
            throw new PerfgateException(name + ": cannot read: " + Messages.oneLine(String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            // Jackson 2.13+ builds trees without recursion and we cap nesting; this is a last line of defence
            throw new PerfgateException(name + ": JSON nested too deeply; expected " + expected);
        }
    }

    /** The failure for a validation problem at {@code where}; the caller throws it. */
    public PerfgateException fail(Where where, String problem, String advice) {
        int line = lineOf(where);
        String place = line > 0 ? name + ":" + line : name;
        String at = where.isRoot() ? "" : " " + where.path() + ":";
        return new PerfgateException(place + ":" + at + " " + Messages.oneLine(problem) + "; " + Messages.oneLine(advice));
    }

    private PerfgateException failAt(JsonLocation location, String problem, String advice) {
        String place = name;
        if (location != null && location.getLineNr() > 0) {
            place += ":" + location.getLineNr() + ":" + location.getColumnNr();
        }
        return new PerfgateException(place + ": " + Messages.oneLine(problem) + "; " + Messages.oneLine(advice));
    }

    /**
     * The line where {@code where} starts, found by parsing again (only on the error path, so a valid file pays
     * nothing for it); 0 when it cannot be found.
     */
    public int lineOf(Where where) {
        try {
            return where.lineIn(open());
        } catch (IOException e) {
            return 0;
        }
    }

    private JsonParser open() throws IOException {
        return bytes != null ? mapper.createParser(bytes) : mapper.createParser(text);
    }
}
