package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

/** Builds runs and seeded synthetic samples for the analysis tests. */
final class Runs {

    static final Environment MACHINE = new Environment("fp-1", "Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15", null);
    static final RunSettings FULL = new RunSettings(30, 5, false, null);
    static final RunSettings QUICK = new RunSettings(5, 1, true, null);

    private Runs() {
    }

    static RunResult run(BenchmarkResult... benchmarks) {
        return run(MACHINE, FULL, benchmarks);
    }

    static RunResult run(Environment environment, RunSettings settings, BenchmarkResult... benchmarks) {
        return new RunResult("test", null, null, environment, settings, List.of(benchmarks));
    }

    static BenchmarkResult bench(String name, double[] samples) {
        return bench(name, Direction.LOWER, samples);
    }

    static BenchmarkResult bench(String name, Direction direction, double[] samples) {
        return new BenchmarkResult(name, direction == Direction.HIGHER ? "x" : "ms", direction, list(samples));
    }

    /** {@code n} seeded lognormal values: {@code median * exp(sigma * N(0, 1))}. */
    static double[] lognormal(long seed, int n, double median, double sigma) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = median * Math.exp(sigma * random.nextGaussian());
        return values;
    }

    static double[] constant(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }

    /** Compares a one-benchmark baseline with a one-benchmark current run under the default policy. */
    static BenchmarkComparison compareOne(double[] baseline, double[] current) {
        return RegressionCheck.compare(run(bench("b", baseline)), run(bench("b", current)), Policy.DEFAULT)
                .benchmarks().get(0);
    }

    /** A baseline and a current run. */
    record BenchmarkSet(RunResult baseline, RunResult current) {
    }

    /**
     * One benchmark ("marginal") slower by about 14 % on a noisy metric (raw p 0.0016, interval from +5.1 %),
     * then {@code unchanged} benchmarks with no change: a regression alone, not after Holm over 41 benchmarks.
     */
    static BenchmarkSet marginalRegressionAmongUnchanged(int unchanged) {
        List<BenchmarkResult> baseline = new ArrayList<>();
        List<BenchmarkResult> current = new ArrayList<>();
        baseline.add(bench("marginal", lognormal(100, 100, 1.0, MARGINAL_SIGMA)));
        current.add(bench("marginal", lognormal(101, 30, MARGINAL_FACTOR, MARGINAL_SIGMA)));
        for (int i = 0; i < unchanged; i++) {
            baseline.add(bench("steady" + i, lognormal(200 + i, 100, 1.0, 0.05)));
            current.add(bench("steady" + i, lognormal(300 + i, 30, 1.0, 0.05)));
        }
        return new BenchmarkSet(new RunResult("test", null, null, MACHINE, FULL, baseline),
                new RunResult("test", null, null, MACHINE, FULL, current));
    }

    static final double MARGINAL_SIGMA = 0.2;
    static final double MARGINAL_FACTOR = 1.2;
}
