package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.Formats;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.report.RunTable;
import dev.perfgate.report.TextTable;
import dev.perfgate.report.TrendChart;
import dev.perfgate.report.TrendPage;
import dev.perfgate.report.TrendSeries;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;
import dev.perfgate.store.AtomicFiles;
import dev.perfgate.store.BaselineJson;
import dev.perfgate.store.HistoryRows;
import dev.perfgate.store.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code perfgate history list|plot|analyze}: what every {@code check} appended. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List, plot and analyze the run history.",
        subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.Plot.class, HistoryCommand.Analyze.class})
final class HistoryCommand {

    /** Where the history is; shared by the subcommands and {@code check}. */
    static final class Location {
        static final String DEFAULT = "perfgate-out/history.jsonl";

        @Option(names = "--history", paramLabel = "FILE|JDBC_URL", defaultValue = DEFAULT,
                description = "History: a JSON-lines file or jdbc:postgresql://HOST/DB (default: ${DEFAULT-VALUE}).")
        String location;

        HistoryStore open() {
            return HistoryStore.open(location);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per run: date, commit, verdict, medians.")
    static final class ListRuns implements Callable<Integer> {
        private final Console console;

        @picocli.CommandLine.Mixin
        Location history = new Location();

        @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "Show the last N runs (default: 20).")
        int last;

        ListRuns(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Deque<HistoryRow> rows = new ArrayDeque<>();
            HistoryRows.forEach(history.open(), row -> {
                rows.addLast(row);
                if (rows.size() > Math.max(1, last)) rows.removeFirst();
            }, console::warn);
            if (rows.isEmpty()) {
                console.out().println("No runs in " + history.location + " yet: every 'perfgate check' adds one.");
                return 0;
            }
            List<String> names = new ArrayList<>();
            for (HistoryRow r : rows) for (HistoryRow.Point p : r.benchmarks()) if (!names.contains(p.name())) names.add(p.name());
            List<String[]> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("run", "date", "commit", "verdict"));
            header.addAll(names);
            table.add(header.toArray(String[]::new));
            for (HistoryRow r : rows) table.add(row(r, names));
            console.out().print(TextTable.render(table, numericColumns(names.size())));
            return 0;
        }

        private static String[] row(HistoryRow r, List<String> names) {
            String[] cells = new String[4 + names.size()];
            cells[0] = Long.toString(r.number());
            cells[1] = r.created() == null ? "-" : r.created().toString().substring(0, 16).replace('T', ' ');
            cells[2] = r.git().commit() == null ? "-" : r.git().commit().substring(0, Math.min(8, r.git().commit().length()));
            cells[3] = r.verdict() == null ? "-" : r.verdict();
            for (int i = 0; i < names.size(); i++) {
                cells[4 + i] = "-";
                for (HistoryRow.Point p : r.benchmarks()) {
                    if (p.name().equals(names.get(i))) cells[4 + i] = RunTable.number(p.median()) + " " + p.unit();
                }
            }
            return cells;
        }

        private static int[] numericColumns(int benchmarks) {
            int[] columns = new int[benchmarks + 1];
            columns[0] = 0;
            for (int i = 0; i < benchmarks; i++) columns[i + 1] = 4 + i;
            return columns;
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true,
            description = "A PNG trend chart per benchmark and one self-contained HTML page with all of them.")
    static final class Plot implements Callable<Integer> {
        private final Console console;

        @picocli.CommandLine.Mixin
        Location history = new Location();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNGs and index.html.")
        Path out;

        @Option(names = "--baseline", paramLabel = "FILE", description = "Draw this baseline's medians as lines.")
        Path baseline;

        Plot(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            HistorySeries all = read(history, console);
            RunResult base = baseline == null ? null : BaselineJson.read(baseline).run();
            List<TrendSeries> series = new ArrayList<>();
            List<byte[]> pngs = new ArrayList<>();
            Set<String> fileNames = new HashSet<>();
            for (HistorySeries.Series s : all.series()) {
                TrendSeries trend = s.trend(baselineMedian(base, s.name), s.changePoints());
                byte[] png = TrendChart.png(trend);
                AtomicFiles.write(out.resolve(fileName(s.name, fileNames)), png);
                series.add(trend);
                pngs.add(png);
            }
            if (series.isEmpty()) throw new PerfgateException("no runs in " + history.location + " to plot: run "
                    + "'perfgate check' first");
            ReportWriter.writeFile(out.resolve("index.html"), TrendPage.html(series, pngs, "perfgate history"));
            console.out().println("Wrote " + series.size() + " charts and index.html to " + out);
            return 0;
        }

        private static Double baselineMedian(RunResult base, String name) {
            if (base == null) return null;
            return base.benchmark(name).filter(b -> !b.samples().isEmpty())
                    .map(b -> Summary.of(new Sample(b.sampleArray())).median()).orElse(null);
        }

        /** A file name made of the benchmark's safe characters, unique within the folder. */
        private static String fileName(String name, Set<String> taken) {
            String base = name.replaceAll("[^A-Za-z0-9_.-]", "_");
            String candidate = base + ".png";
            for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) candidate = base + "-" + i + ".png";
            return candidate;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Find persistent shifts over the whole history (E-divisive means) and name their first commit.")
    static final class Analyze implements Callable<Integer> {
        private final Console console;

        @picocli.CommandLine.Mixin
        Location history = new Location();

        Analyze(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            HistorySeries all = read(history, console);
            List<String[]> table = new ArrayList<>();
            table.add(new String[]{"benchmark", "from run", "date", "first commit", "change", "median before", "after", "p"});
            int runs = 0;
            for (HistorySeries.Series s : all.series()) {
                runs = Math.max(runs, s.points.size());
                for (ChangePoint c : s.changePoints()) {
                    var p = s.points.get(c.index());
                    table.add(new String[]{s.name, Long.toString(s.runNumbers.get(c.index())),
                            p.time() == null ? "-" : p.time().toString().substring(0, 10),
                            c.commit() == null ? "-" : c.shortCommit(10), Formats.percent(c.change()),
                            RunTable.number(c.medianBefore()) + " " + s.unit, RunTable.number(c.medianAfter()) + " " + s.unit,
                            Formats.pValue(c.pValue())});
                }
            }
            if (table.size() == 1) {
                console.out().printf(Locale.ROOT, "No persistent shift in %d benchmarks over %d runs.%n",
                        all.series().size(), runs);
            } else {
                console.out().print(TextTable.render(table, 1, 4, 5, 6, 7));
                console.out().println("change: positive = worse; each row is the first run after a persistent shift.");
            }
            return 0;
        }
    }

    static HistorySeries read(Location history, Console console) {
        HistorySeries all = new HistorySeries();
        HistoryRows.forEach(history.open(), all::add, console::warn);
        return all;
    }

    private HistoryCommand() {
    }
}
