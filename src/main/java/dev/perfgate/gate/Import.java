package dev.perfgate.gate;

import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.ResultsJson;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code Import} is the use case of {@code perfgate import}: another harness's output becomes a results file,
 * with this host's environment unless the results were measured elsewhere.
 */
public final class Import {

    private final Listener listener;

    public Import(Listener listener) {
        this.listener = listener;
    }

    /** @param otherHost the results were measured on another machine: record none of this host's facts */
    public RunResult run(String format, List<Path> files, boolean otherHost, Path output) {
        ResultFiles.requireWritable(output, "-o");
        RunResult run = Imports.load(format, files, !otherHost, listener);
        ResultsJson.write(run, output);
        listener.print(RunTable.render(run));
        listener.note("results written to " + output);
        return run;
    }
}
