package dev.perfgate.report;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.format.Numbers;
import dev.perfgate.history.HistorySeries;
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

    /** The change points of every series, or a line saying there are none. */
    public static String changePoints(HistorySeries all) {
        List<HistorySeries.Series> series = all.series();
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"benchmark", "from run", "date", "first commit", "change", "median before", "after", "p"});
        int runs = 0;
        for (HistorySeries.Series s : series) {
            runs = Math.max(runs, s.points().size());
            for (ChangePoint c : s.changePoints()) {
                TrendPoint p = s.points().get(c.index());
                table.add(new String[]{column(s.suite(), s.name(), all.manySuites()),
                        Long.toString(s.runNumbers().get(c.index())),
                        p.time() == null ? "-" : p.time().toString().substring(0, 10),
                        c.commit() == null ? "-" : c.shortCommit(10), Numbers.percent(c.change()),
                        Numbers.number(c.medianBefore()) + " " + s.unit(),
                        Numbers.number(c.medianAfter()) + " " + s.unit(), Numbers.pValue(c.pValue())});
            }
        }
        if (table.size() == 1) {
            return String.format(Locale.ROOT, "No persistent shift in %s over %s.%n",
                    Numbers.count(series.size(), "benchmark", "benchmarks"), Numbers.count(runs, "run", "runs"));
        }
        return TextTable.render(table, 1, 4, 5, 6, 7)
                + "change: positive = worse; each row is the first run after a persistent shift.\n";
    }

    /** A benchmark's name, prefixed with its suite's when the history holds several suites. */
    static String column(String suite, String name, boolean manySuites) {
        return manySuites ? (suite == null ? "?" : suite) + "/" + name : name;
    }

    private static String shortCommit(String commit, int length) {
        return commit.substring(0, Math.min(length, commit.length()));
    }
}
