package dev.perfgate.gate;

import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.results.ResultsMerge;

import java.nio.file.Path;
import java.util.List;

/** {@code Merge} is the use case of {@code perfgate merge}: the results files of a suite's shards joined into one. */
public final class Merge {

    private final Listener listener;

    public Merge(Listener listener) {
        this.listener = listener;
    }

    public RunResult run(List<Path> files, Path output) {
        ResultFiles.requireWritable(output, "-o");
        List<ResultsMerge.Part> parts = files.stream().map(f -> new ResultsMerge.Part(f.toString(), ResultsJson.read(f)))
                .toList();
        ResultsMerge.Merged merged = ResultsMerge.merge(parts);
        merged.warnings().forEach(listener::warn);
        ResultsJson.write(merged.run(), output);
        Object shards = merged.run().settings() == null ? null
                : merged.run().settings().extra().get(ResultsMerge.SHARDS_KEY);
        listener.print("Merged " + files.size() + " results files" + (shards == null ? "" : " (shards "
                + String.join(", ", ((List<?>) shards).stream().map(String::valueOf).toList()) + ")") + ": "
                + merged.run().benchmarks().size() + " benchmarks in " + output + "\n");
        return merged.run();
    }
}
