package dev.perfgate.gate;

import dev.perfgate.bench.AbRun;
import dev.perfgate.bench.InterleavedRun;
import dev.perfgate.bench.Progress;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the use-case tests run on instead of PostgreSQL: an {@link Engine} that returns recorded runs (and counts
 * how often it was asked), a {@link Listener} that keeps what was said, and the runs themselves.
 */
final class Recorded {

    static final Environment MACHINE = new Environment("fp-1", "Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15", null);

    private Recorded() {
    }

    /** An engine that answers every plain run with {@code run} and every A/B run with {@code ab}. */
    static final class Engine implements dev.perfgate.gate.Engine {
        final RunResult run;
        final AbRun.Outcome ab;
        final Runnable during;
        int calls;
        AbRun.Plan lastPlan;

        Engine(RunResult run, AbRun.Outcome ab, Runnable during) {
            this.run = run;
            this.ab = ab;
            this.during = during;
        }

        static Engine returning(RunResult run) {
            return new Engine(run, null, () -> { });
        }

        static Engine ab(RunResult base, RunResult candidate) {
            return new Engine(null, new AbRun.Outcome(base, candidate, 0.1, "recorded"), () -> { });
        }

        @Override
        public RunResult run(Suite suite, Server server, Settings overrides, boolean quick) {
            calls++;
            during.run();
            return run;
        }

        @Override
        public AbRun.Outcome runAb(AbRun.Plan plan, InterleavedRun.Allocation allocation) {
            calls++;
            lastPlan = plan;
            during.run();
            return ab;
        }
    }

    /** A listener that keeps standard output, notes and warnings apart. */
    static final class Listener implements dev.perfgate.gate.Listener {
        final StringBuilder out = new StringBuilder();
        final List<String> notes = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void print(String text) {
            out.append(text);
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }

        @Override
        public void warn(String line) {
            warnings.add(line);
        }

        @Override
        public Progress progress() {
            return Progress.to(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false);
        }

        @Override
        public boolean terminal() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    }

    /** A suite folder {@code name} with one trivial benchmark file per name. */
    static Path suite(Path parent, String name, String... benchmarks) {
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            for (String b : benchmarks) Files.writeString(dir.resolve(b + ".sql"), "-- perfgate:run\nSELECT 1;\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of {@code suite}: each benchmark 40 seeded lognormal samples around {@code median} (sigma 0.02). */
    static RunResult run(String suite, double median, long seed, String... benchmarks) {
        Random random = new Random(seed);
        List<BenchmarkResult> results = new ArrayList<>();
        for (String b : benchmarks) {
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < 40; i++) samples.add(median * Math.exp(0.02 * random.nextGaussian()));
            results.add(new BenchmarkResult(b, "ms", Direction.LOWER, samples));
        }
        return new RunResult(suite, null, null, MACHINE, new RunSettings(40, 6, false, Map.of()), results);
    }

    /** Both sides of one A/B session: the candidate {@code factor} times the base, pair by pair. */
    static AbRun.Outcome abPair(String suite, double factor, String... benchmarks) {
        RunResult base = run(suite, 1.0, 7, benchmarks);
        List<BenchmarkResult> candidate = new ArrayList<>();
        for (BenchmarkResult b : base.benchmarks()) {
            candidate.add(new BenchmarkResult(b.name(), "ms", Direction.LOWER,
                    b.samples().stream().map(x -> x * factor * (1 + 0.002 * Math.sin(x * 1000))).toList()));
        }
        AbInfo info = new AbInfo("s1", AbInfo.CANDIDATE, new AbInfo.Version("git", "HEAD", "abc", "perf", null),
                new AbInfo.Version("worktree", null, "abc", "perf", false), Map.of(), false);
        RunResult cand = new RunResult(suite, null, null, MACHINE, base.settings(), candidate).withAb(info);
        return new AbRun.Outcome(base.withAb(info.as(AbInfo.BASE)), cand, 0.1, "recorded");
    }
}
