package dev.perfgate.history;

import dev.perfgate.json.Fields;
import dev.perfgate.json.Json;
import dev.perfgate.json.JsonSource;
import dev.perfgate.results.ResultsDecoder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Direction;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a history line in one streaming pass, for speed: 10,000 runs of 100 benchmarks hold 30 million samples,
 * and building a JSON tree of them costs 4x more than reading their tokens (see {@code HistoryBenchmark}).
 *
 * <p>Only the benchmarks are streamed; the small rest (suite, git, environment, settings, check) becomes a tree
 * and goes through {@link ResultsDecoder}'s checks. The benchmarks get the same checks as there. On anything it
 * does not expect (a legacy summary, a wrong type, a bad sample, a syntax error) it returns {@code null} and the
 * caller asks the validated reader, which decides and explains: this class never reports an error itself.
 */
final class HistoryFastDecoder {

    private HistoryFastDecoder() {
    }

    /** The entry in {@code line[0, length)}, or {@code null} when the validated reader must look at it. */
    static HistoryEntry decode(byte[] line, int length) {
        try (JsonParser p = Json.MAPPER.createParser(line, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            ObjectNode head = Json.MAPPER.createObjectNode();
            List<BenchmarkResult> benchmarks = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("benchmarks")) {
                    benchmarks = benchmarks(p);
                    if (benchmarks == null) return null;
                } else {
                    head.set(key, Json.MAPPER.readTree(p));
                }
            }
            if (benchmarks == null || p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return entry(head, benchmarks);
        } catch (IOException | RuntimeException e) {
            return null; // the validated reader will say what is wrong
        }
    }

    // The header is decoded with a one-benchmark stand-in: ResultsDecoder wants benchmarks, the real ones are read.
    // Its error messages would point into an empty source, but errors never leave this class (see decode).
    private static HistoryEntry entry(ObjectNode head, List<BenchmarkResult> benchmarks) {
        head.putArray("benchmarks").addObject().put("name", "-").putArray("samples").add(0);
        Fields fields = new Fields(JsonSource.of("", new byte[0], JsonSource.RESULTS_FILE));
        RunResult header = new ResultsDecoder(fields).decode(head);
        RunResult run = new RunResult(header.suite(), header.created(), header.git(), header.environment(),
                header.settings(), benchmarks, header.ab());
        return HistoryLines.withCheck(fields, head, run);
    }

    private static List<BenchmarkResult> benchmarks(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) return null;
        List<BenchmarkResult> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
            BenchmarkResult b = benchmark(p);
            if (b == null || !names.add(b.name())) return null;
            list.add(b);
        }
        return token == JsonToken.END_ARRAY && !list.isEmpty() ? list : null;
    }

    // One streaming pass over a benchmark's keys, in one method: a switch per key is what keeps this reader several
    // times faster than the tree-based one on millions of samples; any doubt returns null (the validated reader decides).
    private static BenchmarkResult benchmark(JsonParser p) throws IOException {
        String name = null;
        String unit = null;
        Direction direction = null;
        List<Double> samples = null;
        JsonNode counters = null;
        boolean count = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) continue; // null is absent, as in ResultsDecoder
            boolean isText = value == JsonToken.VALUE_STRING;
            switch (key) {
                case "name" -> {
                    if (!isText) return null;
                    name = p.getText();
                }
                case "unit" -> {
                    if (!isText) return null;
                    unit = p.getText();
                }
                case "direction" -> {
                    if (!isText || (direction = Direction.parse(p.getText())) == null) return null;
                }
                case "samples" -> {
                    if ((samples = samples(p)) == null) return null;
                }
                case "reported" -> {
                    return null; // a legacy summary-only benchmark: rare, left to the validated reader
                }
                case "counters" -> counters = Json.MAPPER.readTree(p);
                case "kind" -> {
                    if (!isText || !(p.getText().equals("count") || p.getText().equals("measure"))) return null;
                    count = p.getText().equals("count");
                }
                default -> p.skipChildren(); // "summary" is recomputed by readers; unknown keys are ignored
            }
        }
        boolean valid = name != null && !name.isBlank() && (unit == null || !unit.isBlank()) && samples != null;
        if (!valid) return null;
        Counters decoded = null;
        if (counters != null) {
            try {
                decoded = ResultsDecoder.counters(counters);
            } catch (RuntimeException invalid) {
                return null; // the validated reader explains what is wrong
            }
        }
        return new BenchmarkResult(name, unit, direction, samples, null, decoded, count);
    }

    private static List<Double> samples(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) return null;
        List<Double> values = new ArrayList<>(32);
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            double v = p.getDoubleValue();
            if (!Double.isFinite(v) || v < 0) return null;
            values.add(v);
        }
        return token == JsonToken.END_ARRAY && !values.isEmpty() ? values : null;
    }
}
