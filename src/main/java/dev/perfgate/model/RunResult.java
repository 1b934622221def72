package dev.perfgate.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RunResult} is one run of a suite: the content of a {@code perfgate-results/1} file.
 *
 * @param created    when the run finished; may be {@code null} for imported or legacy files
 * @param benchmarks in run order, names unique
 */
public record RunResult(String suite, Instant created, GitInfo git, Environment environment, RunSettings settings,
                        List<BenchmarkResult> benchmarks) {

    public static final String FORMAT = "perfgate-results/1";

    public RunResult {
        git = git == null ? GitInfo.UNKNOWN : git;
        environment = environment == null ? Environment.UNKNOWN : environment;
        benchmarks = List.copyOf(benchmarks);
    }

    public Optional<BenchmarkResult> benchmark(String name) {
        return benchmarks.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
