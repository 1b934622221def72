package dev.perfgate.imports;

import dev.perfgate.json.Fields;

import dev.perfgate.json.Where;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.PerfgateException;
import dev.perfgate.json.Messages;
import dev.perfgate.model.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code JmhEntry} is one element of JMH's JSON results: one benchmark method with one set of params in one
 * mode, with its primary metric and the secondary metrics its profilers added.
 *
 * @param baseName  {@code com.example.MyBench.method[param=value,...]}, params in the file's order
 * @param primary   {@code null} when the file has only a score for it, no raw data (older JMH)
 * @param unusable  secondary metrics left out because of their unit, as {@code "gc.alloc.rate (MB/sec)"}
 * @param problems  secondary metrics left out because their data is bad, one warning each
 */
record JmhEntry(String baseName, String mode, String unit, Direction direction, JmhSamples primary,
                List<Secondary> secondaries, List<String> unusable, List<String> problems, Where at) {

    /** A secondary metric that can be gated, e.g. {@code gc.alloc.rate.norm} in {@code B/op}. */
    record Secondary(String label, String unit, Direction direction, JmhSamples samples) {
    }

    // Sample mode adds its primary metric's percentiles (p0.00 ... p1.00) as secondary metrics: summaries of
    // samples we already have, so they are left out without a warning.
    private static final Pattern DERIVED_PERCENTILE = Pattern.compile("p\\d\\.\\d+");

    static JmhEntry read(Fields in, JsonNode node, Where at) {
        if (!node.isObject()) {
            throw in.wrongType(at, node, "an object {\"benchmark\": ..., \"primaryMetric\": ...}",
                    "expected " + JmhImporter.EXPECTED);
        }
        String benchmark = required(in, node, at, "benchmark");
        String mode = required(in, node, at, "mode");
        Where primaryAt = at.field("primaryMetric");
        JsonNode primary = object(in, node, at, "primaryMetric");
        String unit = required(in, primary, primaryAt, "scoreUnit");
        Direction direction = primaryDirection(mode, unit);
        if (direction == null) {
            throw in.fail(at.field("mode"), "unknown JMH mode " + Messages.quote(mode) + " with unit "
                    + Messages.quote(unit), "perfgate knows thrpt, avgt, sample and ss");
        }
        JmhSamples samples = JmhSamples.read(in, primary, primaryAt);
        List<Secondary> secondaries = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode metrics = Fields.get(node, "secondaryMetrics");
        if (metrics != null && !metrics.isObject()) {
            throw in.wrongType(at.field("secondaryMetrics"), metrics, "an object", "expected " + JmhImporter.EXPECTED);
        }
        if (metrics != null && samples != null) {
            for (Map.Entry<String, JsonNode> e : metrics.properties()) {
                secondary(in, e.getKey(), e.getValue(), at.field("secondaryMetrics").field(e.getKey()), secondaries,
                        unusable, problems);
            }
        }
        return new JmhEntry(benchmark + params(in, node, at), mode, unit, direction, samples, secondaries, unusable,
                problems, at);
    }

    /** Throughput is better higher; average, sample and single-shot time lower. */
    static Direction primaryDirection(String mode, String unit) {
        return switch (mode) {
            case "thrpt" -> Direction.HIGHER;
            case "avgt", "sample", "ss" -> Direction.LOWER;
            default -> secondaryDirection(unit);
        };
    }

    /**
     * Per-operation costs ({@code B/op}, {@code ns/op}, perf counters in {@code #/op}) are better lower; operation
     * rates ({@code ops/s}, from {@code @AuxCounters}) higher. Anything else ({@code MB/sec}, {@code counts},
     * {@code ms} of GC time) grows or shrinks with the iteration's length or throughput, not with the code alone:
     * {@code null}, not gated.
     */
    static Direction secondaryDirection(String unit) {
        if (unit.endsWith("/op")) return Direction.LOWER;
        if (unit.startsWith("ops/")) return Direction.HIGHER;
        return null;
    }

    private static void secondary(Fields in, String key, JsonNode metric, Where at, List<Secondary> out,
                                  List<String> unusable, List<String> problems) {
        String label = key.startsWith("\u00b7") ? key.substring(1) : key; // older JMH wrote "·gc.alloc.rate"
        if (DERIVED_PERCENTILE.matcher(label).matches() || label.isBlank()) return;
        try {
            if (!metric.isObject()) throw in.wrongType(at, metric, "an object", "expected " + JmhImporter.EXPECTED);
            String unit = required(in, metric, at, "scoreUnit");
            Direction direction = secondaryDirection(unit);
            if (direction == null) {
                unusable.add(label + " (" + unit + ")");
                return;
            }
            JmhSamples samples = JmhSamples.read(in, metric, at);
            if (samples == null) throw in.fail(at, "no raw data (rawData), only a score", "nothing to compare");
            out.add(new Secondary(label, unit, direction, samples));
        } catch (PerfgateException e) {
            problems.add("secondary metric " + label + " not imported: " + e.getMessage());
        }
    }

    /** {@code [size=10,mode=fast]} in the file's order, or {@code ""} without params. */
    private static String params(Fields in, JsonNode node, Where at) {
        JsonNode params = Fields.get(node, "params");
        if (params == null || params.isEmpty()) return "";
        if (!params.isObject()) throw in.wrongType(at.field("params"), params, "an object", "expected "
                + JmhImporter.EXPECTED);
        StringBuilder s = new StringBuilder("[");
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            if (e.getValue().isContainerNode()) {
                throw in.wrongType(at.field("params").field(e.getKey()), e.getValue(), "a string",
                        "JMH writes @Param values as strings");
            }
            if (s.length() > 1) s.append(',');
            s.append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return s.append(']').toString();
    }

    private static String required(Fields in, JsonNode node, Where at, String key) {
        String value = in.text(node, at, key);
        if (value == null || value.isBlank()) {
            throw in.fail(at, "missing \"" + key + "\"", "expected " + JmhImporter.EXPECTED);
        }
        return value;
    }

    private static JsonNode object(Fields in, JsonNode node, Where at, String key) {
        JsonNode value = Fields.get(node, key);
        if (value == null) throw in.fail(at, "missing \"" + key + "\"", "expected " + JmhImporter.EXPECTED);
        if (!value.isObject()) {
            throw in.wrongType(at.field(key), value, "an object", "expected " + JmhImporter.EXPECTED);
        }
        return value;
    }
}
