package dev.perfgate.results;

import dev.perfgate.io.AtomicFiles;
import dev.perfgate.json.Fields;
import dev.perfgate.json.Json;
import dev.perfgate.json.JsonSource;
import dev.perfgate.json.Where;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ResultsJson} reads and writes {@code perfgate-results/1} results files (PRODUCT.md section 5) and reads
 * the origin document's legacy {@code baseline.json}. Stateless and thread-safe.
 *
 * <p>Every problem with the input is a {@link PerfgateException} whose one-line message reads
 * {@code file:line: path: problem; what to do}, e.g. {@code r.json:14: benchmarks[2].samples[5]: sample is
 * negative (-1.0); ...}. Array indices count from 0, as in jq.
 */
public final class ResultsJson {

    /** The formats {@link #read} and {@link #parse} accept, besides the legacy baseline. */
    public static final List<String> READABLE_FORMATS = List.of(RunResult.FORMAT);

    /** Results files are small; a bigger input is refused before it can exhaust the memory. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private ResultsJson() {
    }

    /** The results file content: pretty-printed, keys in a fixed order, ending with a newline. */
    public static String toJson(RunResult result) {
        return pretty(tree(result));
    }

    /**
     * The same document on one line, without a line break at the end: a line of a JSON-lines history. Line
     * breaks inside strings are escaped, so the result never contains one.
     */
    public static String toJsonLine(RunResult result) {
        try {
            return Json.MAPPER.writeValueAsString(new ResultsEncoder().encode(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render an in-memory JSON tree", e); // a bug, not bad input
        }
    }

    /**
     * Writes {@code result} to {@code file} atomically (temporary file, fsync, rename), creating parent
     * directories. On failure the previous file is untouched and a {@link PerfgateException} names the path.
     */
    public static void write(RunResult result, Path file) {
        AtomicFiles.write(file, toJson(result).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a results file or a legacy {@code baseline.json}. */
    public static RunResult read(Path file) {
        return decode(JsonSource.of(file.toString(), readBytes(file), JsonSource.RESULTS_FILE));
    }

    /** The results document as a tree, for files that add keys of their own (a baseline's provenance). */
    static ObjectNode tree(RunResult result) {
        return (ObjectNode) new ResultsEncoder().encode(result);
    }

    /** A tree in the results file layout, ending with a newline. */
    static String pretty(JsonNode tree) {
        try {
            return Json.FILE_WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render an in-memory JSON tree", e); // a bug, not bad input
        }
    }

    /** One top-level key of an already validated results file, or null. */
    static JsonNode topLevel(Path file, String key) {
        JsonNode root = JsonSource.of(file.toString(), readBytes(file), JsonSource.RESULTS_FILE).readTree();
        return root.get(key);
    }

    /**
     * Reads one results document held in memory (e.g. a history line).
     *
     * @param sourceName what error messages call the input, e.g. the file it came from
     */
    public static RunResult parse(String json, String sourceName) {
        return decode(JsonSource.of(sourceName, json, JsonSource.RESULTS_FILE));
    }

    private static RunResult decode(JsonSource source) {
        JsonNode root = source.readTree();
        Fields fields = new Fields(source);
        if (!root.isObject()) {
            throw fields.wrongType(Where.ROOT, root, "a JSON object {...} at the top level",
                    "a results file is one object with \"format\" and \"benchmarks\"");
        }
        if (LegacyBaseline.looksLike(root)) return LegacyBaseline.decode(fields, root);
        return new ResultsDecoder(fields).decode(root);
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new PerfgateException("cannot read " + file + ": it is a directory; give the results file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new PerfgateException("cannot read " + file + ": " + size + " bytes is more than a results file "
                        + "can be (" + MAX_BYTES + "); check that this is the right file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PerfgateException("cannot read " + file + ": " + AtomicFiles.describe(e, file, null), e);
        }
    }
}
