package dev.perfgate.history;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.analysis.ChangePoints;
import dev.perfgate.analysis.ExactSteps;
import dev.perfgate.model.Direction;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code history analyze} finds: for each benchmark, the persistent shifts in its medians
 * ({@link ChangePoints}, which needs {@link ChangePoints#MIN_RUNS_EACH_SIDE} runs on each side) and the steps in
 * its shared buffers and rows per iteration, exact counters ({@link ExactSteps}: from the first run after the
 * change; a counter that flaps is searched like a time).
 */
public final class HistoryShifts {

    /**
     * The metric a shift is in: the median time, the shared buffers (hits + reads) or the rows per counted
     * iteration.
     */
    public enum Metric {
        TIME("time"), BUFFERS("shared buffers"), ROWS("rows");

        /** How a table names it. */
        public final String label;

        Metric(String label) {
            this.label = label;
        }
    }

    /**
     * One shift of one benchmark.
     *
     * @param exact true when found in an exact counter (no test: p-value 0)
     */
    public record Shift(HistorySeries.Series series, Metric metric, ChangePoint point, boolean exact) {
    }

    /**
     * The shifts of every series, and what was searched.
     *
     * @param runs the most runs any benchmark has
     */
    public record Analysis(List<Shift> shifts, int benchmarks, int runs, boolean manySuites) {
    }

    private HistoryShifts() {
    }

    /** Searches every series of {@code all} with {@code changePoints}. */
    public static Analysis find(HistorySeries all, ChangePoints changePoints) {
        List<Shift> shifts = new ArrayList<>();
        int runs = 0;
        List<HistorySeries.Series> series = all.series();
        for (HistorySeries.Series s : series) {
            runs = Math.max(runs, s.points().size());
            List<String> commits = s.points().stream().map(TrendPoint::commit).toList();
            for (ChangePoint c : changePoints.find(s.medians(), commits, s.direction())) {
                shifts.add(new Shift(s, Metric.TIME, c, false));
            }
            counter(s, Metric.BUFFERS, s.points().stream().mapToDouble(TrendPoint::buffers).toArray(), commits,
                    changePoints, shifts);
            counter(s, Metric.ROWS, s.points().stream().mapToDouble(TrendPoint::rows).toArray(), commits,
                    changePoints, shifts);
        }
        return new Analysis(List.copyOf(shifts), series.size(), runs, all.manySuites());
    }

    /** The steps of one counter's series: exact when it is piecewise constant, else searched like a time. */
    private static void counter(HistorySeries.Series s, Metric metric, double[] values, List<String> commits,
                                ChangePoints changePoints, List<Shift> out) {
        List<ChangePoint> steps = ExactSteps.find(values, commits, Direction.LOWER);
        boolean exact = steps != null;
        if (!exact) steps = searched(values, commits, changePoints);
        for (ChangePoint c : steps) out.add(new Shift(s, metric, c, exact));
    }

    /** A counter that is not exact, searched like a time over the runs that counted (indexes mapped back). */
    private static List<ChangePoint> searched(double[] values, List<String> commits, ChangePoints changePoints) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (Double.isFinite(values[i])) at.add(i);
        double[] counted = at.stream().mapToDouble(i -> values[i]).toArray();
        List<ChangePoint> out = new ArrayList<>();
        for (ChangePoint c : changePoints.find(counted, Direction.LOWER)) {
            int index = at.get(c.index());
            out.add(new ChangePoint(index, commits.get(index), c.change(), c.medianBefore(), c.medianAfter(),
                    c.pValue()));
        }
        return out;
    }
}
