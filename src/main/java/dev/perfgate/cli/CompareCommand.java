package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate compare BASELINE RESULTS}: the verdict table for two results files. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare a results file with a baseline (a results file or a legacy baseline.json). "
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

    CompareCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RunResult base = ResultsJson.read(baseline);
        RunResult current = ResultsJson.read(results);
        ComparisonReport report = RegressionCheck.compare(base, current, policy.policy(Settings.EMPTY));
        return Verdicts.finish(report, current.suite(), reports, console);
    }
}
