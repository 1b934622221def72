package dev.perfgate.history;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.analysis.ChangePoints;
import dev.perfgate.model.Direction;
import dev.perfgate.model.HistoryRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The history regrouped per suite and benchmark, oldest run first: what {@code history plot} draws and
 * {@code history analyze} searches for change points. Two suites recorded in one history never share a series, even
 * when they have a benchmark of the same name. Runs without a median (summary-only) are left out.
 */
public final class HistorySeries {

    /**
     * One benchmark of one suite over the history.
     *
     * @param points     its runs, oldest first
     * @param runNumbers each point's run number in the history (counting from 1), same order
     */
    public record Series(String suite, String name, String unit, Direction direction, List<TrendPoint> points,
                         List<Long> runNumbers) {

        /** The medians, oldest first. */
        public double[] medians() {
            return points.stream().mapToDouble(TrendPoint::median).toArray();
        }

        /** Persistent shifts in the medians ({@link ChangePoints#DEFAULT}), naming each shift's first commit. */
        public List<ChangePoint> changePoints() {
            return ChangePoints.DEFAULT.find(medians(), points.stream().map(TrendPoint::commit).toList(), direction);
        }
    }

    private record Key(String suite, String name) {
    }

    private final String suiteFilter;
    private final Map<Key, Series> byKey = new LinkedHashMap<>();

    private HistorySeries(String suiteFilter) {
        this.suiteFilter = suiteFilter;
    }

    /**
     * Reads every run of {@code store} (only those of {@code suite} when it is not null); {@code warnings} as in
     * {@link HistoryStore#forEach}.
     */
    public static HistorySeries read(HistoryStore store, String suite, Consumer<String> warnings) {
        HistorySeries all = new HistorySeries(suite);
        HistoryRows.forEach(store, all::add, warnings);
        return all;
    }

    private void add(HistoryRow row) {
        if (suiteFilter != null && !suiteFilter.equals(row.suite())) return;
        for (HistoryRow.Point p : row.benchmarks()) {
            if (!Double.isFinite(p.median())) continue;
            Series s = byKey.computeIfAbsent(new Key(row.suite(), p.name()), k -> new Series(k.suite(), k.name(),
                    p.unit(), p.direction(), new ArrayList<>(), new ArrayList<>()));
            s.points().add(new TrendPoint(row.created(), row.git().commit(), p.median(), p.lowerQuartile(),
                    p.upperQuartile(), p.verdict(), p.buffers(), p.rows()));
            s.runNumbers().add(row.number());
        }
    }

    /** Every series, in the order their benchmarks first appeared. */
    public List<Series> series() {
        return byKey.values().stream().map(s -> new Series(s.suite(), s.name(), s.unit(), s.direction(),
                List.copyOf(s.points()), List.copyOf(s.runNumbers()))).toList();
    }

    /** True when the series come from more than one suite (names alone no longer identify a benchmark). */
    public boolean manySuites() {
        return byKey.keySet().stream().map(Key::suite).distinct().count() > 1;
    }
}
