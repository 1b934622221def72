package dev.perfgate.cli;

import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.store.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate check [SUITE]}: the CI entry point. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run a suite (default: the bundled demo suite on an embedded PostgreSQL), write its results "
                + "and compare them with the baseline.")
final class CheckCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = RunCommand.DEFAULT_RESULTS;

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RunResult result = Measurement.measure(suite, console, false, null);
        ResultsJson.write(result, output);
        console.out().print(RunTable.render(result));
        console.err().println("perfgate: results written to " + output);
        console.out().println("No baseline to compare with yet, so no verdict: this run passes by default.");
        return 0;
    }
}
