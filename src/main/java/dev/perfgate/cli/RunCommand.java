package dev.perfgate.cli;

import dev.perfgate.gate.BenchEngine;
import dev.perfgate.gate.Run;
import dev.perfgate.gate.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code perfgate run [SUITE] -o FILE}: run a suite and write its results file ({@link Run}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite on PostgreSQL and write a perfgate-results/1 file.")
final class RunCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Mixin
    AgainstOptions ab = new AgainstOptions();

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        new Run(new BenchEngine(console), console).run(new RunRequest(suite.measured(), suite.quick, ab.against(suite.server()),
                suite.output));
        return 0;
    }
}
