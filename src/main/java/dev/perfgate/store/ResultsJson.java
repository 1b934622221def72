package dev.perfgate.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

    // Our documents are 4 levels deep; settings may nest a little more. Jackson's default (1000) is for others.
    private static final int MAX_NESTING_DEPTH = 64;
    private static final int MAX_STRING_CHARS = 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(MAX_BYTES)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN gets "sample is NaN", not a syntax error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // two "samples" keys: which one was meant?
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // Schubfach: shortest exact doubles on any JDK
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // 2-3x faster reads of sample-heavy files
            .build();

    // jq's layout: two-space indent, one value per line, "key": value; "\n" on every platform.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

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
            return MAPPER.writeValueAsString(new ResultsEncoder(MAPPER).encode(result));
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
        return decode(JsonSource.of(file.toString(), MAPPER, readBytes(file)));
    }

    /** The results document as a tree, for files that add keys of their own (a baseline's provenance). */
    static ObjectNode tree(RunResult result) {
        return (ObjectNode) new ResultsEncoder(MAPPER).encode(result);
    }

    /** A tree in the results file layout, ending with a newline. */
    static String pretty(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render an in-memory JSON tree", e); // a bug, not bad input
        }
    }

    /** One top-level key of an already validated results file, or null. */
    static JsonNode topLevel(Path file, String key) {
        JsonNode root = JsonSource.of(file.toString(), MAPPER, readBytes(file)).readTree();
        return root.get(key);
    }

    /**
     * Reads one results document held in memory (e.g. a history line).
     *
     * @param sourceName what error messages call the input, e.g. the file it came from
     */
    public static RunResult parse(String json, String sourceName) {
        return decode(JsonSource.of(sourceName, MAPPER, json));
    }

    private static RunResult decode(JsonSource source) {
        JsonNode root = source.readTree();
        Fields fields = new Fields(source);
        if (!root.isObject()) {
            throw fields.wrongType(Where.ROOT, root, "a JSON object {...} at the top level",
                    "a results file is one object with \"format\" and \"benchmarks\"");
        }
        if (LegacyBaseline.looksLike(root)) return LegacyBaseline.decode(fields, root);
        return new ResultsDecoder(fields, MAPPER).decode(root);
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
