package dev.perfgate.history;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reduces history entries to {@link HistoryRow}s: the data behind {@code history list}, {@code plot} and
 * {@code analyze}. Benchmark names and units are shared between the rows of one pass, so that keeping every row of
 * a long history costs one copy of each name, not one per run. Thread-safe: the stores reduce in parallel.
 */
public final class HistoryRows {

    private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();

    /**
     * Streams the rows of {@code store}, oldest first, numbered from 1; {@code warnings} as in
     * {@link HistoryStore#forEach}. The reduction runs on the store's reading threads.
     */
    public static void forEach(HistoryStore store, Consumer<HistoryRow> action, Consumer<String> warnings) {
        long[] count = {0};
        store.forEach(new HistoryRows()::row, row -> action.accept(new HistoryRow(++count[0], row.created(),
                row.suite(), row.git(), row.verdict(), row.benchmarks())), warnings);
    }

    /** The row of one entry, numbered 0: its position is known only in order (see {@link #forEach}). */
    public HistoryRow row(HistoryEntry entry) {
        RunResult run = entry.run();
        List<HistoryRow.Point> points = new ArrayList<>(run.benchmarks().size());
        for (BenchmarkResult b : run.benchmarks()) {
            points.add(point(b, entry.benchmarkVerdicts().get(b.name())));
        }
        return new HistoryRow(0, run.created(), run.suite(), run.git(), entry.verdict(), points);
    }

    private HistoryRow.Point point(BenchmarkResult b, String verdict) {
        String name = shared.computeIfAbsent(b.name(), k -> k);
        String unit = shared.computeIfAbsent(b.unit(), k -> k);
        if (b.summaryOnly()) {
            return new HistoryRow.Point(name, unit, b.direction(), b.reported().n(), Double.NaN, Double.NaN,
                    Double.NaN, verdict);
        }
        double[] sorted = b.sampleArray();
        Arrays.sort(sorted);
        return new HistoryRow.Point(name, unit, b.direction(), sorted.length, Summary.quantile(sorted, 0.5),
                Summary.quantile(sorted, 0.25), Summary.quantile(sorted, 0.75), verdict, buffers(b.counters()),
                b.counters() == null ? Double.NaN : b.counters().perIteration(Counters.ROWS));
    }

    private static double buffers(Counters c) {
        return c == null ? Double.NaN : c.perIteration(Counters.SHARED_HIT) + c.perIteration(Counters.SHARED_READ);
    }
}
