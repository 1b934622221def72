package dev.perfgate.cli;

import dev.perfgate.gate.Compare;
import dev.perfgate.gate.CompareRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate compare BASELINE RESULTS}: the verdict table for two results files ({@link Compare}). */
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
        return new Compare(console).run(new CompareRequest(baseline, results, policy.choice(), reports.choice(),
                history)).exitCode();
    }
}
