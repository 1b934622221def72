package dev.perfgate.cli;

import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.store.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perfgate import jmh|pgbench|hyperfine FILE... -o RESULTS}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn JMH (-rf json), pgbench (-l logs, --aggregate-interval logs, -r output) or hyperfine "
                + "(--export-json) results into a perfgate-results/1 file.")
final class ImportCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "jmh, pgbench or hyperfine.")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "The harness's output (several pgbench log files of one run are merged).")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = RunCommand.DEFAULT_RESULTS;

    @Option(names = "--other-host", description = "The results were measured on another machine: do not record "
            + "this host's CPU, memory and OS as their environment.")
    boolean otherHost;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RunResult run = Imports.load(format, files, !otherHost, console);
        ResultsJson.write(run, output);
        console.out().print(RunTable.render(run));
        console.err().println("perfgate: results written to " + output);
        return 0;
    }
}
