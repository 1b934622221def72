package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.gate.BenchEngine;
import dev.perfgate.gate.Run;
import dev.perfgate.gate.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate run [SUITE] -o FILE}: run a suite and write its results file ({@link Run}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite on PostgreSQL and write a perfgate-results/1 file.")
final class RunCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = Defaults.RESULTS;

    @Option(names = "--quick", description = "A few iterations (5 unless --iterations says otherwise), labelled low "
            + "confidence: to try a suite out, not to keep.")
    boolean quick;

    @Mixin
    AgainstOptions ab = new AgainstOptions();

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        new Run(new BenchEngine(console), console).run(new RunRequest(suite.measured(), quick, ab.against(), output));
        return 0;
    }
}
