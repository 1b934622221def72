package dev.perfgate.bench;

import dev.perfgate.model.Counters;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.ParamSpec;
import dev.perfgate.suite.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A scripted {@link PairSide} for tests of {@link InterleavedRun}: no server; each iteration is written to a log
 * shared by both sides (so the order across sides shows), moves a scripted clock on, and returns a recorded timing:
 * the drawn {@code id} plus the side's offset, so a sample says which draw and which side it came from.
 */
final class ScriptedSide implements PairSide {

    /** One call on a side, in the order the run made it; {@code values} and {@code partAFirst} for iterations. */
    record Event(String side, String benchmark, String what, Map<String, Long> values, boolean partAFirst) {
    }

    /** The clock both sides move: {@link #nanoTime} for {@link InterleavedRun}'s time budget. */
    static final class Clock {
        private long nanos;

        long nanoTime() {
            return nanos;
        }

        LongSupplier supplier() {
            return this::nanoTime;
        }
    }

    private final String name;
    private final double offset;
    private final List<BenchmarkSpec> specs;
    private final List<Event> log;
    private final Clock clock;
    private final long iterationNanos;
    private final List<String> calls = new ArrayList<>();
    private int failAfter = Integer.MAX_VALUE;
    private int iterations;
    private final java.util.Set<String> broken = new java.util.HashSet<>();
    private boolean recoverable = true;

    /**
     * @param offset         added to the drawn id to make each sample: tells the sides' samples apart
     * @param iterationNanos how far one iteration moves {@code clock}
     */
    ScriptedSide(String name, double offset, List<BenchmarkSpec> specs, List<Event> log, Clock clock,
                 long iterationNanos) {
        this.name = name;
        this.offset = offset;
        this.specs = specs;
        this.log = log;
        this.clock = clock;
        this.iterationNanos = iterationNanos;
    }

    /** A benchmark with one parameter {@code id} drawn from 1..1,000,000, and these settings. */
    static BenchmarkSpec spec(String name, int iterations, int warmup) {
        return new BenchmarkSpec(name, name + ".sql", Settings.fromOptions(iterations, warmup, null, 7L, null),
                List.of(new ParamSpec("id", 1, false, 1_000_000, false)), List.of(), List.of(), List.of(), List.of());
    }

    /** The counters this side reports for {@code benchmark}: its name and the side's, as a plan summary. */
    Counters counters(String benchmark) {
        return new Counters(Map.of(Counters.ROWS, new long[] {1}), new Counters.Plan("f", name + ":" + benchmark,
                true), true, List.of());
    }

    /** The iteration after {@code n} more throws (counting from now). */
    void failAfter(int n) {
        failAfter = iterations + n;
    }

    /** Makes every iteration of {@code benchmark} fail with an SQL error, as a typo in its file does. */
    void breaks(String benchmark) {
        broken.add(benchmark);
    }

    /** Makes {@link #recover} say the side cannot go on (its connection is lost). */
    void unrecoverable() {
        recoverable = false;
    }

    /** The side's own calls: "finish", "abandon", "recover". */
    List<String> calls() {
        return calls;
    }

    @Override
    public List<BenchmarkSpec> benchmarks() {
        return specs;
    }

    @Override
    public Benchmark benchmark(BenchmarkSpec spec) {
        log.add(new Event(name, spec.name(), "ready", null, false));
        return new Scripted(spec);
    }

    @Override
    public void finish() {
        calls.add("finish");
    }

    @Override
    public void abandon() {
        calls.add("abandon");
    }

    @Override
    public boolean recover() {
        calls.add("recover");
        return recoverable;
    }

    private final class Scripted implements Benchmark {
        private final BenchmarkSpec spec;
        private int done;

        Scripted(BenchmarkSpec spec) {
            this.spec = spec;
        }

        @Override
        public Settings settings() {
            return spec.settings();
        }

        @Override
        public ParamDraws draws() {
            return new ParamDraws(spec.params(), spec.settings().seedOrDefault() ^ spec.name().hashCode(), 1);
        }

        @Override
        public double iteration(Map<String, Long> values, boolean partAFirst) {
            if (iterations++ >= failAfter) throw new IllegalStateException(name + ": scripted failure");
            if (broken.contains(spec.name())) {
                throw new dev.perfgate.PerfgateException(spec.file() + ":2: ERROR: relation \"acounts\" does not "
                        + "exist (" + spec.name() + ", " + name + ", iteration " + (done + 1) + ")");
            }
            clock.nanos += iterationNanos;
            done++;
            log.add(new Event(name, spec.name(), "iteration", values, partAFirst));
            return values.get("id") + offset;
        }

        @Override
        public double[] iterations(int n, ParamDraws draws) {
            double[] samples = new double[n];
            for (int i = 0; i < n; i++) samples[i] = iteration(draws.next(), done % 2 == 0);
            return samples;
        }

        @Override
        public Counters counters(int iterations) {
            log.add(new Event(name, spec.name(), "counters " + iterations, null, false));
            return ScriptedSide.this.counters(spec.name());
        }

        @Override
        public void finish() {
            log.add(new Event(name, spec.name(), "finish", null, false));
        }
    }
}
