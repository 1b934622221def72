package dev.perfgate.imports;

import dev.perfgate.model.RunResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An {@code ImportResult} is what an import produced: the run, and the caveats met on the way (failed runs left
 * out, samples thinned, metrics that cannot be gated), for the caller to show. Warnings never stop an import.
 *
 * @param warnings one line each, in the order they were found
 */
public record ImportResult(RunResult run, List<String> warnings) {

    public ImportResult {
        Objects.requireNonNull(run, "run");
        warnings = List.copyOf(warnings);
    }

    /** This result with {@code created} set to {@code time} when the input itself did not say when it ran. */
    ImportResult withCreatedFallback(Instant time) {
        if (run.created() != null || time == null) return this;
        RunResult r = run;
        return new ImportResult(new RunResult(r.suite(), time, r.git(), r.environment(), r.settings(), r.benchmarks()),
                warnings);
    }
}
