package dev.perfgate.cli;

import dev.perfgate.gate.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perfgate merge RESULTS... -o FILE}: join the results of a suite's shards into one results file. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the results files of one suite's shards (run or check with --shard I/N) into one results "
                + "file, for reports and the history. For A/B shards, merge the base files and the candidate files "
                + "separately; 'perfgate compare MERGED_BASE MERGED_CANDIDATE' then pairs them again.")
final class MergeCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "The shards' results files.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The merged results file.")
    Path output;

    MergeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        new Merge(console).run(files, output);
        return 0;
    }
}
