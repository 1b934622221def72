package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate compare BASELINE RESULTS}: the verdict table for two results files. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare a results file with a baseline (a results file or a legacy baseline.json). The two "
                + "sides of one A/B run (e.g. merged from shards) are compared pair by pair. "
                + "Exit 0 no regression, 1 regression, 2 error.")
final class CompareCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "Baseline: perfgate results or legacy baseline.json.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "RESULTS", description = "Current results file.")
    Path results;

    @Mixin
    PolicyOptions policy;

    @Mixin
    ReportOptions reports;

    @Option(names = "--history", paramLabel = "FILE|JDBC_URL",
            description = "Append RESULTS to this history with the comparison's verdicts, as check does.")
    String history;

    CompareCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RunResult base = ResultsJson.read(baseline);
        RunResult current = ResultsJson.read(results);
        String unrelated = RegressionCheck.nothingInCommon(base, current);
        if (unrelated != null) {
            throw new PerfgateException(baseline + " " + unrelated + ": are they results of the same suite? Compare "
                    + "runs of one suite");
        }
        boolean paired = base.ab() != null && base.ab().isBaseOf(current.ab());
        ComparisonReport report = paired ? RegressionCheck.comparePaired(base, current, policy.policy(Settings.EMPTY))
                : RegressionCheck.compare(base, current, policy.policy(Settings.EMPTY));
        int exitCode = Verdicts.finish(report, current.suite(), reports, console);
        StepSummary.append(report, console);
        if (history != null && !report.quick()) {
            HistoryStore store = HistoryStore.open(history);
            store.append(new HistoryEntry(current, report.verdict().jsonName(), CheckCommand.benchmarkVerdicts(report)));
            console.err().println("perfgate: " + results + " appended to history " + store.description());
        }
        return exitCode;
    }
}
