package dev.perfgate.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hipparchus.random.RandomDataGenerator;

import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;

/**
 * Times {@link RegressionCheck#compare} on two runs of 1,000 benchmarks (100 vs 30 samples each). Its own
 * {@code main} measures a cold JVM, as the CLI sees it (same class path as {@link AccuracyBenchmark}).
 */
public final class Timing {

    static final int BENCHMARKS = 1000;

    private Timing() {
    }

    public static void main(String[] args) {
        print(true);
    }

    static void print(boolean coldJvm) {
        RandomDataGenerator rng = new RandomDataGenerator(AccuracyBenchmark.SEED);
        RunResult baseline = runOf(rng, AccuracyBenchmark.BASELINE_N, 1.0);
        RunResult current = runOf(rng, AccuracyBenchmark.CURRENT_N, 1.02);
        long start = System.nanoTime();
        RegressionCheck.compare(baseline, current, Policy.DEFAULT);
        double first = AccuracyBenchmark.seconds(start);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            RegressionCheck.compare(baseline, current, Policy.DEFAULT);
            best = Math.min(best, AccuracyBenchmark.seconds(start));
        }
        String when = coldJvm ? "cold JVM" : "this JVM had already run the simulation";
        System.out.printf(Locale.ROOT, "Timing: compare %d vs %d benchmarks (%d vs %d samples): first call %.0f ms"
                        + " (%s), best of 5 later calls %.0f ms%n", BENCHMARKS, BENCHMARKS,
                AccuracyBenchmark.BASELINE_N, AccuracyBenchmark.CURRENT_N, first * 1000, when, best * 1000);
    }

    static RunResult runOf(RandomDataGenerator rng, int samples, double factor) {
        List<BenchmarkResult> benchmarks = new ArrayList<>(BENCHMARKS);
        SyntheticShape[] shapes = SyntheticShape.values();
        for (int b = 0; b < BENCHMARKS; b++) {
            double[] values = shapes[b % shapes.length].draw(rng, factor, samples);
            benchmarks.add(AccuracyBenchmark.benchmark("bench_" + b, values));
        }
        return AccuracyBenchmark.run(benchmarks);
    }
}
