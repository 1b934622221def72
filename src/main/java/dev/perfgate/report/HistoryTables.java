package dev.perfgate.report;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.analysis.ChangePoints;
import dev.perfgate.format.Numbers;
import dev.perfgate.history.HistorySeries;
import dev.perfgate.history.HistoryShifts;
import dev.perfgate.history.TrendPoint;
import dev.perfgate.model.HistoryRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text tables of {@code history list} (one line per run, one column per benchmark) and {@code history analyze}
 * (one line per change point). A history that holds several suites names each column {@code suite/benchmark}, so
 * two suites' benchmarks of the same name never share a column.
 */
public final class HistoryTables {

    private static final int FIXED_COLUMNS = 4;

    private HistoryTables() {
    }

    /** The runs, oldest first, with each benchmark's median. */
    public static String runs(List<HistoryRow> rows) {
        boolean manySuites = rows.stream().map(HistoryRow::suite).distinct().count() > 1;
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (HistoryRow r : rows) {
            for (HistoryRow.Point p : r.benchmarks()) columns.putIfAbsent(column(r.suite(), p.name(), manySuites), columns.size());
        }
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("run", "date", "commit", "verdict"));
        header.addAll(columns.keySet());
        table.add(header.toArray(String[]::new));
        for (HistoryRow r : rows) {
            String[] cells = new String[FIXED_COLUMNS + columns.size()];
            java.util.Arrays.fill(cells, "-");
            cells[0] = Long.toString(r.number());
            if (r.created() != null) cells[1] = r.created().toString().substring(0, 16).replace('T', ' ');
            if (r.git().commit() != null) cells[2] = shortCommit(r.git().commit(), 8);
            if (r.verdict() != null) cells[3] = r.verdict();
            for (HistoryRow.Point p : r.benchmarks()) {
                cells[FIXED_COLUMNS + columns.get(column(r.suite(), p.name(), manySuites))] =
                        Numbers.number(p.median()) + " " + p.unit();
            }
            table.add(cells);
        }
        int[] numeric = new int[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) numeric[i + 1] = FIXED_COLUMNS + i;
        return TextTable.render(table, numeric);
    }

    /**
     * The shifts {@code history analyze} found (in time and in shared buffers), or a line saying there are none;
     * either way, what it takes to find one, so "no shift" over a short history is read for what it is.
     */
    public static String changePoints(HistoryShifts.Analysis analysis) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"benchmark", "in", "from run", "date", "first commit", "change", "before", "after",
                "p"});
        for (HistoryShifts.Shift shift : analysis.shifts()) {
            HistorySeries.Series s = shift.series();
            ChangePoint c = shift.point();
            TrendPoint p = s.points().get(c.index());
            boolean time = shift.metric() == HistoryShifts.Metric.TIME;
            String unit = time ? " " + s.unit() : "";
            table.add(new String[]{column(s.suite(), s.name(), analysis.manySuites()),
                    shift.metric().label, Long.toString(s.runNumbers().get(c.index())),
                    p.time() == null ? "-" : p.time().toString().substring(0, 10),
                    c.commit() == null ? "-" : c.shortCommit(10), Numbers.percent(c.change()),
                    level(c.medianBefore(), time) + unit, level(c.medianAfter(), time) + unit,
                    shift.exact() ? "exact" : Numbers.pValue(c.pValue())});
        }
        String needs = String.format(Locale.ROOT, "A shift in time needs at least %d runs on each side (and is "
                + "reported when p < %s, family-wise per benchmark: with fewer runs even a perfect separation is "
                + "not rare enough to rule out chance); a step in shared buffers or rows per iteration, exact "
                + "counters, shows from its first run.%n", ChangePoints.MIN_RUNS_EACH_SIDE,
                Double.toString(ChangePoints.DEFAULT.settings().alpha()));
        if (table.size() == 1) {
            String tooShort = analysis.runs() < 2 * ChangePoints.MIN_RUNS_EACH_SIDE
                    ? String.format(Locale.ROOT, " (too few to search for a shift in time: %d are needed)",
                    2 * ChangePoints.MIN_RUNS_EACH_SIDE) : "";
            return String.format(Locale.ROOT, "No persistent shift in %s over %s%s.%n",
                    Numbers.count(analysis.benchmarks(), "benchmark", "benchmarks"),
                    Numbers.count(analysis.runs(), "run", "runs"), tooShort) + needs;
        }
        return TextTable.render(table, 2, 5, 6, 7, 8)
                + "change: positive = worse; each row is the first run after a persistent shift. " + needs;
    }

    /** A level before or after a shift: a time as a number, a whole count of buffers as a count. */
    private static String level(double value, boolean time) {
        return !time && value == Math.rint(value) && Math.abs(value) < 1e15 ? Numbers.count((long) value)
                : Numbers.number(value);
    }

    /** A benchmark's name, prefixed with its suite's when the history holds several suites. */
    static String column(String suite, String name, boolean manySuites) {
        return manySuites ? (suite == null ? "?" : suite) + "/" + name : name;
    }

    private static String shortCommit(String commit, int length) {
        return commit.substring(0, Math.min(length, commit.length()));
    }
}
