package dev.perfgate.bench;

import dev.perfgate.model.Counters;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;

import java.util.List;
import java.util.Map;

/**
 * A {@code PairSide} is one side of an A/B run as {@link InterleavedRun} drives it: a version of the suite whose
 * benchmarks can be readied one at a time and run an iteration at a time. {@link SuiteDatabase} is the real one (a
 * suite set up in a database); a test can script one that returns recorded timings, so the interleaving is tested
 * without a server.
 */
public interface PairSide {

    /** The suite's benchmarks in file order. */
    List<BenchmarkSpec> benchmarks();

    /** Readies {@code spec} (one of {@link #benchmarks}) to run iterations. */
    Benchmark benchmark(BenchmarkSpec spec);

    /** After the last benchmark: the suite's teardown; a failure there is the run's failure. */
    void finish();

    /** After a failed run: undoes what it can, best effort (the run's failure is what gets reported). */
    void abandon();

    /**
     * After one benchmark failed on this side with an SQL error: ends what it left open (a failed transaction,
     * autocommit off) so the next benchmark can run; false when the side cannot go on (its connection is lost), and
     * by default, for a side that cannot tell.
     */
    default boolean recover() {
        return false;
    }

    /** One benchmark readied on a side ({@link BenchmarkRun} is the real one). */
    interface Benchmark {

        /** The settings that apply to this benchmark on this side. */
        Settings settings();

        /** Fresh seeded parameter draws: the same sequence on both sides, for the same benchmark and seed. */
        ParamDraws draws();

        /**
         * Runs one iteration with {@code values} bound and returns its sample (ms, or the ratio of part A's time over
         * part B's); {@code partAFirst} orders a ratio metric's two parts.
         */
        double iteration(Map<String, Long> values, boolean partAFirst);

        /** Runs {@code n} iterations with the next {@code n} draws, alternating a ratio's part order. */
        double[] iterations(int n, ParamDraws draws);

        /** What PostgreSQL counts over {@code iterations} untimed iterations; null when not counted. */
        Counters counters(int iterations);

        /**
         * As {@link #counters(int)}, leaving out the profile's iterations when {@code profile} is false (the plans
         * are kept): an A/B run takes them from {@link #profiler}, alternating the sides.
         */
        default Counters counters(int iterations, boolean profile) {
            return counters(iterations);
        }

        /** Steps {@code n} profiled iterations one at a time; null when this benchmark is not profiled. */
        default Profiler profiler(int n) {
            return null;
        }

        /** Leaves the benchmark. */
        void finish();
    }

    /** Profiled iterations taken one at a time ({@link Benchmark#profiler}). */
    interface Profiler {

        /** One profiled iteration with {@code values}. */
        void step(Map<String, Long> values);

        /** {@code counters} with the profile of the steps taken. */
        Counters attach(Counters counters);
    }
}
