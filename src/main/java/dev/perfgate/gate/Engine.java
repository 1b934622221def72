package dev.perfgate.gate;

import dev.perfgate.bench.AbRun;
import dev.perfgate.bench.InterleavedRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

/**
 * The {@code Engine} is what measures, behind the use cases: the real one ({@link BenchEngine}) starts or reaches
 * PostgreSQL and runs the iterations; a test fills one with recorded results, so every decision of a check can be
 * tested without a server.
 */
public interface Engine {

    /** Runs {@code suite} on {@code server} in a plain session (one suite, one database). */
    RunResult run(Suite suite, Server server, Settings overrides, boolean quick);

    /** Measures both sides of an A/B comparison in one session, pairs as {@code allocation} gives them. */
    AbRun.Outcome runAb(AbRun.Plan plan, InterleavedRun.Allocation allocation);

    /** Warnings the measurement found for the report, e.g. that the A/B sides' databases differ; none by default. */
    default java.util.List<String> measurementWarnings() {
        return java.util.List.of();
    }
}
