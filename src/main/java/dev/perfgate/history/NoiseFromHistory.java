package dev.perfgate.history;

import dev.perfgate.analysis.RunNoise;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;
import dev.perfgate.history.HistoryStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads how much each benchmark's median moved between earlier runs of the same suite on the same environment
 * (fingerprint), for {@link RunNoise}: the history is where run-to-run noise shows.
 */
public final class NoiseFromHistory {

    private NoiseFromHistory() {
    }

    /**
     * Each benchmark's run-to-run noise (log-scale sigma of run medians): measured from the history where it holds
     * enough comparable runs, else {@code assumed} (a relative scatter, e.g. 0.25; 0 to assume none).
     *
     * @param sigmas     benchmark name to sigma, measured or assumed
     * @param assumedFor the benchmarks given the assumed noise, in run order
     */
    public record Estimate(Map<String, Double> sigmas, List<String> assumedFor) {
    }

    /** {@link #estimate(HistoryStore, RunResult)} with {@code assumed} for the benchmarks it could not measure. */
    public static Estimate estimate(HistoryStore history, RunResult current, double assumed) {
        Map<String, Double> sigmas = new LinkedHashMap<>(estimate(history, current));
        List<String> assumedFor = new ArrayList<>();
        if (assumed > 0) {
            for (BenchmarkResult b : current.benchmarks()) {
                if (!sigmas.containsKey(b.name())) {
                    sigmas.put(b.name(), Math.log1p(assumed));
                    assumedFor.add(b.name());
                }
            }
        }
        return new Estimate(sigmas, assumedFor);
    }

    /**
     * Benchmark name to the upper bound on the log-scale sigma of run medians ({@link RunNoise#upperBound}); empty
     * when the history is too short or absent.
     */
    public static Map<String, Double> estimate(HistoryStore history, RunResult current) {
        Map<String, Double> sigmas = new HashMap<>();
        recentMedians(history, current).forEach((name, series) -> {
            double sigma = RunNoise.upperBound(series);
            if (!Double.isNaN(sigma)) sigmas.put(name, sigma);
        });
        return sigmas;
    }

    /**
     * Each benchmark of {@code current} to its medians in the last {@value RunNoise#MAX_RUNS} comparable runs of the
     * history (same suite, same environment fingerprint, not quick), oldest first; empty without a fingerprint.
     */
    public static Map<String, double[]> recentMedians(HistoryStore history, RunResult current) {
        String fingerprint = current.environment() == null ? null : current.environment().fingerprint();
        if (fingerprint == null) return Map.of();
        Deque<Map<String, Double>> recent = new ArrayDeque<>();
        history.forEach(entry -> comparable(entry, current.suite(), fingerprint) ? medians(entry.run()) : null,
                medians -> {
                    if (medians == null) return;
                    recent.addLast(medians);
                    if (recent.size() > RunNoise.MAX_RUNS) recent.removeFirst();
                }, warning -> { /* the history's own warnings are shown by the commands that list it */ });
        Map<String, double[]> series = new LinkedHashMap<>();
        for (BenchmarkResult b : current.benchmarks()) {
            series.put(b.name(), recent.stream().map(m -> m.get(b.name())).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray());
        }
        return series;
    }

    private static boolean comparable(HistoryEntry entry, String suite, String fingerprint) {
        RunResult run = entry.run();
        return Objects.equals(run.suite(), suite) && run.environment() != null
                && fingerprint.equals(run.environment().fingerprint())
                && (run.settings() == null || !run.settings().quick());
    }

    /** Each benchmark's median in {@code run} (benchmarks without samples left out). */
    public static Map<String, Double> medians(RunResult run) {
        Map<String, Double> medians = new HashMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (!b.samples().isEmpty()) medians.put(b.name(), Summary.of(new Sample(b.sampleArray())).median());
        }
        return medians;
    }
}
