package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.gate.Import;
import dev.perfgate.imports.Importers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perfgate import jmh|pgbench|hyperfine FILE... -o RESULTS}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn another harness's results into a perfgate-results/1 file. FORMAT is one of:")
final class ImportCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "FORMAT", completionCandidates = Importers.Names.class,
            description = "${COMPLETION-CANDIDATES}.")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "The harness's output (several pgbench log files of one run are merged).")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = Defaults.RESULTS;

    @Option(names = "--other-host", description = "The results were measured on another machine: do not record "
            + "this host's CPU, memory and OS as their environment.")
    boolean otherHost;

    /** The help's list of formats, one line each, from the importers themselves. */
    static void describeFormats(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> lines = new java.util.ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(Importers.help());
        spec.usageMessage().description(lines.toArray(String[]::new));
    }

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        new Import(console).run(format, files, otherHost, output);
        return 0;
    }
}
