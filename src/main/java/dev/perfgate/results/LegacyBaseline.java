package dev.perfgate.results;

import dev.perfgate.json.Fields;
import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the origin document's {@code baseline.json} (phase 3.3, step 1): {@code version}, {@code date},
 * {@code hardware}, and {@code benchmarks.{name}} holding either {@code mean_ms/stddev_ms/p95_ms/n} (latency,
 * lower is better) or {@code mean_speedup/stddev/p95_speedup/n} (a ratio, higher is better). It has no raw
 * samples, so each benchmark carries a {@link ReportedSummary} instead.
 */
final class LegacyBaseline {

    private static final Where BENCHMARKS = Where.ROOT.field("benchmarks");

    private LegacyBaseline() {
    }

    /** No {@code format}, and a {@code benchmarks} object with at least one legacy entry. */
    static boolean looksLike(JsonNode root) {
        JsonNode benchmarks = root.get("benchmarks");
        if (root.has("format") || benchmarks == null || !benchmarks.isObject()) return false;
        for (JsonNode entry : benchmarks) {
            if (entry.has("mean_ms") || entry.has("mean_speedup")) return true;
        }
        return false;
    }

    static RunResult decode(Fields fields, JsonNode root) {
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.get("benchmarks").properties()) {
            benchmarks.add(benchmark(fields, e.getKey(), e.getValue(), BENCHMARKS.field(e.getKey())));
        }
        return new RunResult(null, fields.instant(root, Where.ROOT, "date"), null, environment(fields, root),
                null, benchmarks);
    }

    private static BenchmarkResult benchmark(Fields fields, String name, JsonNode entry, Where at) {
        if (!entry.isObject()) {
            throw fields.wrongType(at, entry, "an object {\"mean_ms\": ..., \"stddev_ms\": ..., \"n\": ...}",
                    "fix the entry");
        }
        if (entry.has("mean_ms")) {
            ReportedSummary s = Measurements.reported(fields, entry, at, "mean_ms", "stddev_ms", "p95_ms");
            return new BenchmarkResult(name, "ms", Direction.LOWER, List.of(), s);
        }
        if (entry.has("mean_speedup")) {
            ReportedSummary s = Measurements.reported(fields, entry, at, "mean_speedup", "stddev", "p95_speedup");
            return new BenchmarkResult(name, "x", Direction.HIGHER, List.of(), s);
        }
        throw fields.fail(at, "legacy baseline entry " + Messages.quote(name) + " has neither \"mean_ms\" nor "
                + "\"mean_speedup\"", "give it mean_ms/stddev_ms/n or mean_speedup/stddev/n");
    }

    // Only the CPU name maps onto an Environment; the legacy file has no fingerprint, so it stays null.
    private static Environment environment(Fields fields, JsonNode root) {
        JsonNode hardware = fields.object(root, Where.ROOT, "hardware");
        if (hardware == null) return null;
        String cpu = fields.text(hardware, Where.ROOT.field("hardware"), "cpu");
        return new Environment(null, cpu, 0, 0, null, null, null);
    }
}
