package dev.perfgate.store;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reduces history entries to {@link HistoryRow}s, in order: the data behind {@code history list}, {@code plot}
 * and {@code analyze}. Benchmark names and units are shared between rows, so that keeping every row of a long
 * history costs one copy of each name, not one per run. Not thread-safe: one instance per pass.
 */
public final class HistoryRows {

    private final Map<String, String> shared = new HashMap<>();
    private long count;

    /** Streams the rows of {@code store}, oldest first; {@code warnings} as in {@link HistoryStore#forEach}. */
    public static void forEach(HistoryStore store, Consumer<HistoryRow> action, Consumer<String> warnings) {
        HistoryRows rows = new HistoryRows();
        store.forEach(entry -> action.accept(rows.next(entry)), warnings);
    }

    /** The row of the next entry in the history. */
    public HistoryRow next(HistoryEntry entry) {
        RunResult run = entry.run();
        List<HistoryRow.Point> points = new ArrayList<>(run.benchmarks().size());
        for (BenchmarkResult b : run.benchmarks()) {
            points.add(point(b, entry.benchmarkVerdicts().get(b.name())));
        }
        return new HistoryRow(++count, run.created(), run.suite(), run.git(), entry.verdict(), points);
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
                Summary.quantile(sorted, 0.25), Summary.quantile(sorted, 0.75), verdict);
    }
}
