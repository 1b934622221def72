package dev.perfgate.store;

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
final class JsonSource {

    private final String name;
    private final ObjectMapper mapper;
    private final byte[] bytes;
    private final String text;

    private JsonSource(String name, ObjectMapper mapper, byte[] bytes, String text) {
        this.name = name;
        this.mapper = mapper;
        this.bytes = bytes;
        this.text = text;
    }

    static JsonSource of(String name, ObjectMapper mapper, byte[] bytes) {
        return new JsonSource(name, mapper, bytes, null);
    }

    static JsonSource of(String name, ObjectMapper mapper, String text) {
        return new JsonSource(name, mapper, null, text);
    }

    String name() {
        return name;
    }

    /** Parses the whole document; syntax errors, limits and trailing garbage become PerfgateExceptions. */
    JsonNode readTree() {
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
                throw new PerfgateException(name + ": empty, no JSON in it; expected a perfgate results file");
            }
            if (parser.nextToken() != null) {
                throw failAt(parser.currentTokenLocation(), "unexpected content after the end of the JSON document",
                        "remove it (one results document per file)");
            }
            return root;
        } catch (JsonEOFException e) {
            throw failAt(e.getLocation(), "JSON ends too early: " + Messages.jackson(e),
                    "the file looks truncated: re-create it or restore it from version control");
        } catch (StreamConstraintsException e) {
            // Jackson does not say where a limit was hit; the parser still knows.
            throw failAt(parser.currentLocation(), "input exceeds perfgate's limits: " + Messages.jackson(e),
                    "results files are small JSON documents: check that this is the right file");
        } catch (JsonProcessingException e) {
            String message = Messages.jackson(e);
            throw failAt(e.getLocation(), "not valid JSON: " + message,
                    message.startsWith("Duplicate field") ? "remove one of the two" : "fix the JSON syntax");
        } catch (IOException e) {
            throw new PerfgateException(name + ": cannot read: " + Messages.oneLine(String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            // Jackson 2.13+ builds trees without recursion and we cap nesting; this is a last line of defence
            throw new PerfgateException(name + ": JSON nested too deeply; check that this is the right file");
        }
    }

    /** The failure for a validation problem at {@code where}; the caller throws it. */
    PerfgateException fail(Where where, String problem, String advice) {
        int line = lineOf(where);
        String place = line > 0 ? name + ":" + line : name;
        String at = where.isRoot() ? "" : " " + where.path() + ":";
        return new PerfgateException(place + ":" + at + " " + Messages.oneLine(problem) + "; " + advice);
    }

    private PerfgateException failAt(JsonLocation location, String problem, String advice) {
        String place = name;
        if (location != null && location.getLineNr() > 0) {
            place += ":" + location.getLineNr() + ":" + location.getColumnNr();
        }
        return new PerfgateException(place + ": " + Messages.oneLine(problem) + "; " + advice);
    }

    /**
     * The line where {@code where} starts, found by parsing again (only on the error path, so a valid file pays
     * nothing for it); 0 when it cannot be found.
     */
    int lineOf(Where where) {
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
