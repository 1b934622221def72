package dev.perfgate.bench;

import dev.perfgate.Defaults;
import dev.perfgate.model.Counters;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.SqlStatement;

import java.util.Map;

/**
 * One benchmark readied on one {@link SuiteDatabase}: each {@link #iteration} runs the benchmark's setup, its timed
 * part (between two {@code System.nanoTime()} reads, binding outside the clock), its teardown, and the rollback
 * that undoes it ({@code isolation=rollback}, the default), and returns the sample. Run modes decide how many
 * iterations, with which parameters, and in which order with other benchmark runs.
 */
public final class BenchmarkRun implements PairSide.Benchmark {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final SuiteDatabase db;
    private final BenchmarkSpec spec;
    private final Settings settings;
    private final SqlCalls calls;
    private final boolean ratio;
    private final boolean rollback;
    private int iterations;

    BenchmarkRun(SuiteDatabase db, BenchmarkSpec spec, Settings settings, SqlCalls calls) {
        this.db = db;
        this.spec = spec;
        this.settings = settings;
        this.calls = calls;
        this.ratio = settings.metricOrDefault() == Settings.Metric.RATIO;
        this.rollback = settings.isolationOrDefault() == Settings.Isolation.ROLLBACK;
        calls.setTimeout(settings.timeoutOrDefault(), spec.timed().get(0));
        calls.autoCommit(!rollback, spec.timed().get(0));
    }

    public BenchmarkSpec spec() {
        return spec;
    }

    /** The settings that apply to this benchmark (suite, file, command line). */
    @Override
    public Settings settings() {
        return settings;
    }

    /** Fresh seeded parameter draws for this benchmark: the same sequence in every run and on both sides of an A/B. */
    @Override
    public ParamDraws draws() {
        return new ParamDraws(spec.params(), settings.seedOrDefault() ^ spec.name().hashCode(), db.scale());
    }

    /**
     * Runs one iteration with {@code values} bound and returns its sample: the time of the timed part in ms, or for a
     * ratio metric the time of part A over the time of part B, run in alternating order so that neither part
     * always runs on the warmer cache.
     */
    public double iteration(Map<String, Long> values) {
        return iteration(values, iterations % 2 == 0);
    }

    /**
     * As {@link #iteration(Map)}, with the order of a ratio metric's two parts given ({@code aFirst}: part A
     * first): an A/B run chooses it per pair so that it does not line up with which side ran last (see
     * {@link InterleavedRun}). Ignored for a time.
     */
    @Override
    public double iteration(Map<String, Long> values, boolean aFirst) {
        calls.iteration = ++iterations;
        try {
            for (SqlStatement st : spec.setup()) calls.untimed(st, db.bind(st, values), spec.name());
            double sample;
            if (ratio) {
                long first = calls.timed(aFirst ? spec.timed() : spec.timedB(), db::bind, values, spec.name());
                long second = calls.timed(aFirst ? spec.timedB() : spec.timed(), db::bind, values, spec.name());
                long a = aFirst ? first : second;
                long b = aFirst ? second : first;
                sample = (double) a / Math.max(1, b);
            } else {
                sample = calls.timed(spec.timed(), db::bind, values, spec.name()) / NANOS_PER_MILLI;
            }
            for (SqlStatement st : spec.teardown()) calls.untimed(st, db.bind(st, values), spec.name());
            if (rollback) calls.rollback(spec.timed().get(0), spec.name());
            return sample;
        } finally {
            calls.iteration = 0;
        }
    }

    /** Runs {@code n} iterations with the next {@code n} draws and returns their samples in order. */
    @Override
    public double[] iterations(int n, ParamDraws draws) {
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) samples[i] = iteration(draws.next());
        return samples;
    }

    /**
     * What PostgreSQL counts for this benchmark over {@code iterations} untimed iterations ({@link CounterProbe}),
     * after the timed ones; {@code null} when the session has no counter source or the suite turned counting off.
     */
    @Override
    public Counters counters(int iterations) {
        return counters(iterations, true);
    }

    @Override
    public Counters counters(int iterations, boolean profile) {
        if (db.counterSource() == null || !settings.countersOrDefault() || iterations < 1) return null;
        int n = settings.attributionOrDefault() && profile ? Defaults.PROFILE_ITERATIONS : 0;
        return new CounterProbe(this, db, db.counterSource(), n, settings.attributionOrDefault()).count(iterations);
    }

    @Override
    public PairSide.Profiler profiler(int n) {
        if (db.counterSource() == null || !settings.countersOrDefault() || !settings.attributionOrDefault()) return null;
        ProfileProbe probe = new ProfileProbe(this, db, db.counterSource().admin());
        probe.begin(n);
        return new PairSide.Profiler() {
            @Override
            public void step(Map<String, Long> values) {
                probe.step(values);
            }

            @Override
            public Counters attach(Counters counters) {
                if (counters == null) return null;
                return counters.withProfile(probe.end(counters.profile() == null ? java.util.List.of()
                        : counters.profile().plans()));
            }
        };
    }

    /** Leaves the benchmark: autocommit back on for whatever runs next on this connection. */
    @Override
    public void finish() {
        calls.autoCommit(true, spec.timed().get(0));
    }
}
