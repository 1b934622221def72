package dev.perfgate.results;

import dev.perfgate.Golden;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/** These tests seal the perfgate-results/1 format: what is written, and what is read back. */
class ResultsJsonTest {

    @Test
    void writeThenReadGivesTheSameRun(@TempDir Path dir) {
        Path file = dir.resolve("out/results.json");
        ResultsJson.write(Fixtures.fullRun(), file);
        assertThat(ResultsJson.read(file)).isEqualTo(Fixtures.fullRun());
    }

    @Test
    void countersCountsAndTheAbSessionRoundTrip(@TempDir Path dir) {
        java.util.Map<String, long[]> values = new java.util.LinkedHashMap<>();
        values.put(dev.perfgate.model.Counters.SHARED_HIT, new long[]{41, 42, 41});
        values.put(dev.perfgate.model.Counters.WAL_BYTES, new long[]{38597, 39785, 39057});
        dev.perfgate.model.Counters counters = new dev.perfgate.model.Counters(values,
                new dev.perfgate.model.Counters.Plan("c060eb8d2ddbdd86", "Update on products [Index Scan]", true), true,
                List.of("x.sql:3: cannot be explained (CALL): its counters are not counted"));
        dev.perfgate.model.AbInfo ab = new dev.perfgate.model.AbInfo("1a2b3c4d", "candidate",
                new dev.perfgate.model.AbInfo.Version("git", "HEAD~1", "abc", "bench/tviews", null),
                new dev.perfgate.model.AbInfo.Version("worktree", null, "def", "bench/tviews", true),
                java.util.Map.of("q", 2), true);
        RunResult run = new RunResult("s", null, null, null, null, List.of(
                new BenchmarkResult("q", "ms", Direction.LOWER, List.of(1.0, 2.0)).withCounters(counters),
                new BenchmarkResult("m:gc.alloc.rate.norm", "B/op", Direction.LOWER, List.of(4096.0), null, null,
                        true))).withAb(ab);
        Path file = dir.resolve("r.json");
        ResultsJson.write(run, file);
        assertThat(ResultsJson.read(file)).isEqualTo(run);
        assertThat(ResultsJson.parse(ResultsJson.toJsonLine(run), "line")).isEqualTo(run);
    }

    @Test
    void minimalRunRoundTripsWithDefaults() {
        RunResult read = ResultsJson.parse(ResultsJson.toJson(Fixtures.minimalRun()), "mem");
        assertThat(read).isEqualTo(Fixtures.minimalRun());
        assertThat(read.benchmarks().get(0).unit()).isEqualTo("ms");
        assertThat(read.benchmarks().get(0).direction()).isEqualTo(Direction.LOWER);
        assertThat(read.environment()).isEqualTo(Environment.UNKNOWN);
    }

    /**
     * Byte for byte, under a decimal-comma locale (surefire runs with de_DE; set here too so an IDE run checks
     * the same). Regenerate with {@code -Dperfgate.golden.update=true} after a deliberate format change.
     */
    @Test
    void outputMatchesTheGoldenFile() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(String.format("%.2f", 1.25)).isEqualTo("1,25"); // the trap is armed
            Golden.assertMatches("results.json", ResultsJson.toJson(Fixtures.fullRun()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void goldenFileReadsBackAsTheRun() {
        assertThat(ResultsJson.parse(Fixtures.resource("/golden/results.json"), "results.json"))
                .isEqualTo(Fixtures.fullRun());
    }

    @Test
    void jsonLineIsOneLineAndReadsBack() {
        RunResult run = new RunResult("multi\nline suite", null, null, null, null, Fixtures.fullRun().benchmarks());
        String line = ResultsJson.toJsonLine(run);
        assertThat(line).doesNotContain("\n", "\r").startsWith("{\"format\":\"perfgate-results/1\",");
        assertThat(ResultsJson.parse(line, "history.jsonl")).isEqualTo(run);
    }

    @Test
    void specExampleIsReadable() {
        String spec = """
                {
                  "format": "perfgate-results/1",
                  "suite": "tviews",
                  "created": "2026-11-26T13:00:00Z",
                  "git": {"commit": "3f2a9c1...", "branch": "main", "dirty": false},
                  "environment": {"fingerprint": "...", "cpu": "...", "cores": 2, "memory_bytes": 0, "os": "...",
                                   "java": "...",
                                   "postgresql": {"version": "17.2", "settings": {"shared_buffers": "128MB"}}},
                  "settings": {"iterations": 30, "warmup": 5, "quick": false},
                  "benchmarks": [
                    {"name": "single_row_update", "unit": "ms", "direction": "lower", "samples": [1.21, 1.19]},
                    {"name": "jsonb_ivm_speedup", "unit": "x", "direction": "higher", "samples": [2.31, 2.28]}
                  ]
                }
                """;
        RunResult run = ResultsJson.parse(spec, "spec.json");
        assertThat(run.created()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(run.environment().postgresql().settings()).containsEntry("shared_buffers", "128MB");
        assertThat(run.settings().iterations()).isEqualTo(30);
        assertThat(run.benchmark("jsonb_ivm_speedup").orElseThrow().direction()).isEqualTo(Direction.HIGHER);
    }

    @Test
    void unknownKeysAreIgnoredAndZeroIsAValidSample() {
        String json = """
                {"format": "perfgate-results/1", "future": {"x": [1, 2]},
                 "benchmarks": [{"name": "a", "samples": [0, 0.0, -0.0, 1e-300], "percentiles": {"p99": 3},
                                 "summary": {"n": 999}}]}
                """;
        BenchmarkResult b = ResultsJson.parse(json, "mem").benchmarks().get(0);
        assertThat(b.samples()).containsExactly(0.0, 0.0, -0.0, 1e-300);
    }

    @Test
    void settingsKeepExtraEntriesOfAnyShape() {
        String json = """
                {"format": "perfgate-results/1",
                 "settings": {"iterations": 50, "scale": 1000, "ratio": 0.5, "tags": ["a", "b"], "on": true},
                 "benchmarks": [{"name": "a", "samples": [1]}]}
                """;
        Map<String, Object> extra = ResultsJson.parse(json, "mem").settings().extra();
        assertThat(extra).containsOnlyKeys("scale", "ratio", "tags", "on")
                .containsEntry("scale", 1000).containsEntry("ratio", 0.5)
                .containsEntry("tags", List.of("a", "b")).containsEntry("on", true);
    }

    @Test
    void createdMayCarryAnOffsetOrBeADate() {
        String json = "{\"format\": \"perfgate-results/1\", \"created\": \"%s\", "
                + "\"benchmarks\": [{\"name\": \"a\", \"samples\": [1]}]}";
        assertThat(ResultsJson.parse(json.formatted("2026-11-26T14:00:00+01:00"), "m").created())
                .isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(ResultsJson.parse(json.formatted("2026-11-26"), "m").created())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    /** The origin document's baseline.json, exactly as phase 3.3 step 1 shows it. */
    @Test
    void readsTheLegacyBaseline() throws IOException {
        Path file = Path.of("src/test/resources/results/legacy-baseline.json");
        RunResult run = ResultsJson.read(file);

        assertThat(run.created()).isEqualTo(Instant.parse("2025-12-13T00:00:00Z"));
        assertThat(run.environment().cpu()).isEqualTo("AMD Ryzen 9 5950X");
        assertThat(run.environment().fingerprint()).isNull();
        assertThat(run.suite()).isNull();
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name).containsExactly(
                "single_row_update", "cascade_10_entities", "bulk_1k_rows", "jsonb_ivm_speedup");
        assertThat(run.benchmarks()).allMatch(BenchmarkResult::summaryOnly);
        assertThat(run.benchmark("single_row_update").orElseThrow()).isEqualTo(new BenchmarkResult(
                "single_row_update", "ms", Direction.LOWER, List.of(), new ReportedSummary(1.2, 0.08, 1.35, 100)));
        assertThat(run.benchmark("bulk_1k_rows").orElseThrow().reported())
                .isEqualTo(new ReportedSummary(100, 8, 115, 100));
        assertThat(run.benchmark("jsonb_ivm_speedup").orElseThrow()).isEqualTo(new BenchmarkResult(
                "jsonb_ivm_speedup", "x", Direction.HIGHER, List.of(), new ReportedSummary(2.3, 0.15, 2.5, 100)));
    }

    @Test
    void legacyBaselineWithoutP95ReadsAsNaN() {
        String json = "{\"benchmarks\": {\"a\": {\"mean_ms\": 1.5, \"stddev_ms\": 0.1, \"n\": 20}}}";
        ReportedSummary s = ResultsJson.parse(json, "old.json").benchmarks().get(0).reported();
        assertThat(s.p95()).isNaN();
        assertThat(s.n()).isEqualTo(20);
    }

    @Test
    void convertedLegacyBaselineSurvivesARoundTrip() {
        RunResult legacy = ResultsJson.parse(Fixtures.resource("/results/legacy-baseline.json"), "baseline.json");
        assertThat(ResultsJson.parse(ResultsJson.toJson(legacy), "converted.json")).isEqualTo(legacy);
    }
}
