package dev.perfgate.history;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic runs for the history tests and {@link HistoryBenchmark}. */
final class HistoryTestRuns {

    /** Names that break string-built SQL, HTML, Markdown or JSON if anything on the way does not escape them. */
    static final List<String> HOSTILE_NAMES = List.of("x'); DROP TABLE perfgate_runs; --",
            "<script>alert(1)</script>|**x**", "quote \" backslash \\ tab \t newline \n end", "ünïcödé ✓ 𝄞",
            "$1 ? :name %s ${x}");

    private static final Environment ENVIRONMENT = new Environment("9b1f0c2a", "AMD EPYC 7763 64-Core Processor", 2,
            8_340_000_768L, "Linux 6.1.0-28-amd64 (amd64)", "17.0.15+6",
            new PostgresInfo("18.1", Map.of("shared_buffers", "128MB", "synchronous_commit", "on")));

    private HistoryTestRuns() {
    }

    /**
     * A check-style run: {@code benchmarks} lognormal-ish latencies of {@code samples} samples each, made from
     * {@code seed}; {@code commit} identifies it.
     */
    static RunResult run(String suite, String commit, int benchmarks, int samples, long seed) {
        Random random = new Random(seed);
        List<BenchmarkResult> list = new ArrayList<>(benchmarks);
        for (int b = 0; b < benchmarks; b++) {
            List<Double> values = new ArrayList<>(samples);
            double center = 0.2 + b * 0.05;
            for (int i = 0; i < samples; i++) values.add(center * Math.exp(0.05 * random.nextGaussian()));
            list.add(new BenchmarkResult(String.format("benchmark_%03d", b), "ms", Direction.LOWER, values));
        }
        return new RunResult(suite, Instant.parse("2026-11-26T13:00:00Z").plusSeconds(seed),
                new GitInfo(commit, "main", false), ENVIRONMENT,
                new RunSettings(samples, 5, false, Map.of("scale", 10, "seed", (int) seed)), list);
    }

    /** The run appender {@code writer} appends as its {@code i}-th: its suite and commit say who and which. */
    static HistoryEntry appended(int writer, int i) {
        return appended(writer, i, 20, 30);
    }

    static HistoryEntry appended(int writer, int i, int benchmarks, int samples) {
        return checked(run("writer-" + writer, writer + "-" + i, benchmarks, samples, writer * 1000L + i));
    }

    /** The run with the check's verdicts: pass, every benchmark ok. */
    static HistoryEntry checked(RunResult run) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        run.benchmarks().forEach(b -> verdicts.put(b.name(), "ok"));
        return new HistoryEntry(run, "pass", verdicts);
    }

    /** A run whose suite, commit, branch and benchmark names are all hostile, with a regression verdict. */
    static HistoryEntry hostile() {
        List<BenchmarkResult> list = new ArrayList<>();
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
            String name = HOSTILE_NAMES.get(i);
            list.add(new BenchmarkResult(name, "ms", Direction.LOWER, List.of(1.0 + i, 1.5 + i, 1e-7, 0.1 + 0.2)));
            verdicts.put(name, i == 0 ? "regression" : "ok");
        }
        verdicts.put("gone'; --", "missing");
        RunResult run = new RunResult(HOSTILE_NAMES.get(0), Instant.parse("2026-11-27T08:30:00Z"),
                new GitInfo(HOSTILE_NAMES.get(1), HOSTILE_NAMES.get(2), true), ENVIRONMENT, null, list);
        return new HistoryEntry(run, "fail", verdicts);
    }
}
