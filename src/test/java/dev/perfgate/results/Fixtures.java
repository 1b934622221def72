package dev.perfgate.results;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results used by several store tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A run with every field set, the shapes that are easy to get wrong, and a summary-only benchmark. */
    public static RunResult fullRun() {
        Map<String, String> pgSettings = new LinkedHashMap<>();
        pgSettings.put("synchronous_commit", "on"); // given unsorted: the file must list them sorted
        pgSettings.put("shared_buffers", "128MB");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("seed", 42);
        extra.put("scale", 10);
        extra.put("statement_timeout", "30s");
        return new RunResult("tviews", Instant.parse("2026-11-26T13:00:00Z"),
                new GitInfo("3f2a9c1e5b7d", "main", false),
                new Environment("9b1f0c2a", "AMD EPYC 7763 64-Core Processor", 2, 8_340_000_768L,
                        "Linux 6.1.0-28-amd64 (amd64)", "17.0.15+6", new PostgresInfo("18.1", pgSettings)),
                new RunSettings(30, 5, false, extra),
                List.of(
                        // 0.1 + 0.2 and 1e-7 check the shortest exact double form; 0.0 is a valid sample
                        new BenchmarkResult("single_row_update", "ms", Direction.LOWER,
                                List.of(1.21, 1.19, 0.1 + 0.2, 100.0, 1e-7, 0.0)),
                        new BenchmarkResult("jsonb_ivm_speedup", "x", Direction.HIGHER, List.of(2.31, 2.28)),
                        new BenchmarkResult("legacy_bulk", "ms", Direction.LOWER, List.of(),
                                new ReportedSummary(100, 8, 115, 100))));
    }

    /** A run with only what the format requires. */
    public static RunResult minimalRun() {
        return new RunResult(null, null, null, null, null,
                List.of(new BenchmarkResult("only", null, null, List.of(3.0))));
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
