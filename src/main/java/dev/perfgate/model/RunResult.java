package dev.perfgate.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RunResult} is one run of a suite: the content of a {@code perfgate-results/1} file.
 *
 * @param created    when the run finished; may be {@code null} for imported or legacy files
 * @param benchmarks in run order, names unique
 * @param ab         how the run took part in a same-session A/B comparison; {@code null} for a plain run
 */
public record RunResult(String suite, Instant created, GitInfo git, Environment environment, RunSettings settings,
                        List<BenchmarkResult> benchmarks, AbInfo ab) {

    public static final String FORMAT = "perfgate-results/1";

    public RunResult {
        git = git == null ? GitInfo.UNKNOWN : git;
        environment = environment == null ? Environment.UNKNOWN : environment;
        benchmarks = List.copyOf(benchmarks);
    }

    /** A plain run, not part of an A/B comparison. */
    public RunResult(String suite, Instant created, GitInfo git, Environment environment, RunSettings settings,
                     List<BenchmarkResult> benchmarks) {
        this(suite, created, git, environment, settings, benchmarks, null);
    }

    /** This run with its A/B information. */
    public RunResult withAb(AbInfo info) {
        return new RunResult(suite, created, git, environment, settings, benchmarks, info);
    }

    public Optional<BenchmarkResult> benchmark(String name) {
        return benchmarks.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
