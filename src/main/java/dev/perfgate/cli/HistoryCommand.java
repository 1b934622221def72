package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ChangePoints;
import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.gate.Record;
import dev.perfgate.history.DriftHistory;
import dev.perfgate.history.HistoryRows;
import dev.perfgate.history.HistorySeries;
import dev.perfgate.history.HistoryShifts;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.DriftTables;
import dev.perfgate.report.HistoryTables;
import dev.perfgate.report.TrendPlot;
import dev.perfgate.results.BaselineJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.Callable;

/** {@code perfgate history list|plot|analyze|drift}: what every {@code check} appended. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List, plot and analyze the run history.",
        subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.Plot.class, HistoryCommand.Analyze.class,
                HistoryCommand.Drift.class, HistoryCommand.Append.class})
final class HistoryCommand {

    /** Where the history is and which suite of it to show; shared by the subcommands and {@code check}. */
    static final class Location {
        @Option(names = "--history", paramLabel = "FILE|JDBC_URL", defaultValue = Defaults.HISTORY,
                description = "History: a JSON-lines file or jdbc:postgresql://HOST/DB (default: ${DEFAULT-VALUE}).")
        String location;

        HistoryStore open() {
            return HistoryStore.open(location);
        }
    }

    /** Which runs a history command reads: the history ({@code --history}) and, in it, one suite's ({@code --suite}). */
    static final class Scope {
        @Mixin
        Location history = new Location();

        @Option(names = "--suite", paramLabel = "NAME",
                description = "Only the runs of this suite (a history may hold several).")
        String suite;

        boolean accepts(HistoryRow row) {
            return suite == null || suite.equals(row.suite());
        }

        /** For messages: {@code " of suite S in FILE"}. */
        String describe() {
            return (suite == null ? "" : " of suite " + suite) + " in " + history.location;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per run: date, commit, verdict, medians.")
    static final class ListRuns implements Callable<Integer> {
        private final Console console;

        @Mixin
        Scope scope = new Scope();

        @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "Show the last N runs (default: 20).")
        int last;

        ListRuns(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            if (last < 1) throw new PerfgateException("--last " + last + ": give how many runs to show, at least 1");
            Deque<HistoryRow> rows = new ArrayDeque<>();
            HistoryRows.forEach(scope.history.open(), row -> {
                if (!scope.accepts(row)) return;
                rows.addLast(row);
                if (rows.size() > last) rows.removeFirst();
            }, console::warn);
            if (rows.isEmpty()) {
                console.out().println("No runs" + scope.describe() + " yet: every 'perfgate check' adds one.");
                return 0;
            }
            console.out().print(HistoryTables.runs(new ArrayList<>(rows)));
            return 0;
        }
    }

    @Command(name = "plot", mixinStandardHelpOptions = true,
            description = "A PNG trend chart per benchmark and one self-contained HTML page with all of them.")
    static final class Plot implements Callable<Integer> {
        private final Console console;

        @Mixin
        Scope scope = new Scope();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNGs and index.html.")
        Path out;

        @Option(names = "--baseline", paramLabel = "FILE", description = "Draw this baseline's medians as lines.")
        Path baseline;

        Plot(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            RunResult base = baseline == null ? null : BaselineJson.read(baseline).run();
            DriftHistory.Runs runs = DriftHistory.read(scope.history.open(), scope.suite, console::warn);
            int charts = TrendPlot.write(HistorySeries.read(scope.history.open(), scope.suite, console::warn), base,
                    DriftLedger.of(runs.anchorRuns(), runs.commitRuns(), null), out);
            if (charts == 0) {
                throw new PerfgateException("no runs" + scope.describe() + " to plot: run 'perfgate check' first");
            }
            console.out().println("Wrote " + charts + " charts and index.html to " + out);
            return 0;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Find persistent shifts over the whole history and name their first commit: in time (E-divisive "
                    + "means; at least 5 runs on each side) and in shared buffers and rows per iteration (exact: from "
                    + "the first run after the change).")
    static final class Analyze implements Callable<Integer> {
        private final Console console;

        @Mixin
        Scope scope = new Scope();

        Analyze(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            HistorySeries series = HistorySeries.read(scope.history.open(), scope.suite, console::warn);
            console.out().print(HistoryTables.changePoints(HistoryShifts.find(series, ChangePoints.DEFAULT)));
            return 0;
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "The drift ledger: the drift since the anchor after each checked commit (check "
                    + "--against-anchor) and the commits that spent most of the budget (check --against HEAD~1).")
    static final class Drift implements Callable<Integer> {
        private final Console console;

        @Mixin
        Scope scope = new Scope();

        @Option(names = "--benchmark", paramLabel = "NAME",
                description = "Follow this benchmark (default: the one that drifted most in the latest drift check).")
        String benchmark;

        Drift(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            DriftHistory.Runs runs = DriftHistory.read(scope.history.open(), scope.suite, console::warn);
            console.out().print(DriftTables.render(DriftLedger.of(runs.anchorRuns(), runs.commitRuns(), benchmark)));
            return 0;
        }
    }

    @Command(name = "append", mixinStandardHelpOptions = true,
            description = "Add a results file to the history without a verdict, e.g. a run merged from shards with no "
                    + "baseline to compare with ('check' and 'compare --history' add runs with their verdicts).")
    static final class Append implements Callable<Integer> {
        private final Console console;

        @Mixin
        Location history = new Location();

        @Parameters(paramLabel = "RESULTS", description = "The results file to add.")
        Path results;

        Append(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            new Record(console).run(results, history.location);
            return 0;
        }
    }

    private HistoryCommand() {
    }
}
