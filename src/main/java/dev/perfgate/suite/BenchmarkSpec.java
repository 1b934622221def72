package dev.perfgate.suite;

import java.util.List;

/**
 * One benchmark file of a suite.
 *
 * @param settings  as declared in the file (not yet layered over the suite's)
 * @param setup     untimed, before the timed part, every iteration
 * @param timed     the timed part; for a ratio metric, part A (the numerator)
 * @param timedB    for a ratio metric, part B (the denominator); empty otherwise
 * @param teardown  untimed, after the timed part, every iteration
 */
public record BenchmarkSpec(String name, String file, Settings settings, List<ParamSpec> params,
                            List<SqlStatement> setup, List<SqlStatement> timed, List<SqlStatement> timedB,
                            List<SqlStatement> teardown) {
    public BenchmarkSpec {
        params = List.copyOf(params);
        setup = List.copyOf(setup);
        timed = List.copyOf(timed);
        timedB = List.copyOf(timedB);
        teardown = List.copyOf(teardown);
    }
}
