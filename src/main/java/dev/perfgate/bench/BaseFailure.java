package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.Counters;
import dev.perfgate.suite.Settings;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@code BaseFailure} is a benchmark failing on the base side of an A/B run (an SQL error in the base's version of
 * it, e.g. a typo that the change fixes). It is not the change's fault, so it must not stop the other benchmarks:
 * {@link InterleavedRun} catches it, measures the candidate alone and names the benchmark as not compared. A failure
 * on the candidate's side stays the run's failure (exit 2): that one the change brought, or did not fix.
 */
final class BaseFailure extends RuntimeException {

    private final transient PerfgateException error;

    private BaseFailure(PerfgateException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    /** The base side's own error, as perfgate states SQL errors ({@code file:line: ERROR: ... (benchmark, base)}). */
    PerfgateException error() {
        return error;
    }

    /** {@code step}'s value; its {@link PerfgateException} (an SQL error) becomes a {@code BaseFailure}. */
    static <T> T blame(Supplier<T> step) {
        try {
            return step.get();
        } catch (PerfgateException e) {
            throw new BaseFailure(e);
        }
    }

    /** {@code run} with each of its steps' SQL errors turned into a {@code BaseFailure}. */
    static PairSide.Benchmark guard(PairSide.Benchmark run) {
        return new PairSide.Benchmark() {
            @Override
            public Settings settings() {
                return run.settings();
            }

            @Override
            public ParamDraws draws() {
                return run.draws();
            }

            @Override
            public double iteration(Map<String, Long> values, boolean partAFirst) {
                return blame(() -> run.iteration(values, partAFirst));
            }

            @Override
            public double[] iterations(int n, ParamDraws draws) {
                return blame(() -> run.iterations(n, draws));
            }

            @Override
            public Counters counters(int iterations) {
                return blame(() -> run.counters(iterations));
            }

            @Override
            public Counters counters(int iterations, boolean profile) {
                return blame(() -> run.counters(iterations, profile));
            }

            @Override
            public PairSide.Profiler profiler(int n) {
                PairSide.Profiler p = blame(() -> run.profiler(n));
                if (p == null) return null;
                return new PairSide.Profiler() {
                    @Override
                    public void step(Map<String, Long> values) {
                        blame(() -> {
                            p.step(values);
                            return null;
                        });
                    }

                    @Override
                    public Counters attach(Counters counters) {
                        return blame(() -> p.attach(counters));
                    }
                };
            }

            @Override
            public void finish() {
                blame(() -> {
                    run.finish();
                    return null;
                });
            }
        };
    }
}
