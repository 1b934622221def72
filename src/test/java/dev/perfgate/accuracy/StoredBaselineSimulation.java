package dev.perfgate.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.hipparchus.random.RandomDataGenerator;

import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.analysis.RunNoise;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.stats.Summary;

/**
 * How often a stored-baseline {@code check} fails unchanged code once the history has measured the run-to-run
 * noise (issue 22, item 12): each trial draws {@code n} earlier runs' medians, an accepted baseline run and a
 * current run of the same code, each run's median {@code exp(N(0, sigma))} (the run-to-run noise) and its 30
 * samples {@code exp(N(0, 0.1))} around it (the within-run noise), and judges current against baseline under
 * {@link Policy#DEFAULT} with the noise {@link RunNoise} reads from the {@code n} medians, as
 * {@code history.NoiseFromHistory} passes it. Seeded, so every run prints the same table; beside the gate's
 * upper bound it prints the point estimate the gate used before, to show what the bound buys.
 *
 * <p>Run it (about 20 s; an optional argument sets the trials per cell, default 4000):
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.accuracy.StoredBaselineSimulation
 * </pre>
 */
public final class StoredBaselineSimulation {

    static final int SAMPLES = 30;
    static final double WITHIN_RUN_SIGMA = 0.10;
    static final double[] RUN_SIGMAS = {0.05, 0.10, 0.20, 0.30};
    static final int[] HISTORY_RUNS = {5, 6, 8, 10, 20, 30};
    static final long SEED = 20_261_208L;

    private static final Environment MACHINE = new Environment("sim", "sim cpu", 2, 0, "sim", "17", null);
    private static final RunSettings SETTINGS = new RunSettings(SAMPLES, 0, false, null);

    private StoredBaselineSimulation() {
    }

    /** The share of {@code trials} checks of unchanged code that fail with the gate's noise bound. */
    static double falseFailures(int historyRuns, double runSigma, int trials, long seed) {
        return falseFailures(historyRuns, runSigma, trials, seed, RunNoise::upperBound);
    }

    /** As {@link #falseFailures(int, double, int, long)} with the noise read from the history by {@code noise}. */
    static double falseFailures(int historyRuns, double runSigma, int trials, long seed,
                                ToDoubleFunction<double[]> noise) {
        return failures(historyRuns, runSigma, 0, trials, seed, noise);
    }

    /** The share of {@code trials} checks that fail when the current run is {@code slowdown} slower. */
    static double failures(int historyRuns, double runSigma, double slowdown, int trials, long seed,
                           ToDoubleFunction<double[]> noise) {
        RandomDataGenerator rng = new RandomDataGenerator(seed);
        int fails = 0;
        for (int t = 0; t < trials; t++) {
            double[] medians = new double[historyRuns];
            for (int i = 0; i < historyRuns; i++) medians[i] = Math.exp(rng.nextNormal(0, runSigma));
            RunResult baseline = run(Math.exp(rng.nextNormal(0, runSigma)), rng);
            RunResult current = run((1 + slowdown) * Math.exp(rng.nextNormal(0, runSigma)), rng);
            Verdict v = RegressionCheck.compare(baseline, current, Policy.DEFAULT,
                    Map.of("q", noise.applyAsDouble(medians))).benchmarks().get(0).verdict();
            fails += v == Verdict.REGRESSION ? 1 : 0;
        }
        return (double) fails / trials;
    }

    private static RunResult run(double median, RandomDataGenerator rng) {
        List<Double> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) samples.add(median * Math.exp(rng.nextNormal(0, WITHIN_RUN_SIGMA)));
        return new RunResult("sim", null, null, MACHINE, SETTINGS,
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples)));
    }

    /** The robust point estimate the gate used before issue 22: {@code 1.4826 * MAD} of the log medians. */
    static double madPointEstimate(double[] medians) {
        double[] logs = Arrays.stream(medians).map(Math::log).sorted().toArray();
        double center = Summary.median(logs);
        double[] deviations = Arrays.stream(logs).map(x -> Math.abs(x - center)).sorted().toArray();
        return 1.4826 * Summary.median(deviations);
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "Stored-baseline check of unchanged code: share of checks that FAIL, %d trials "
                + "per cell, %d samples per run (within-run sigma %.2f), Policy.DEFAULT, seed %d%n", trials, SAMPLES,
                WITHIN_RUN_SIGMA, SEED);
        System.out.printf(Locale.ROOT, "  %-26s", "run-to-run sigma \\ runs");
        for (int n : HISTORY_RUNS) System.out.printf(Locale.ROOT, "%16d", n);
        System.out.println();
        double worst = 0;
        for (int s = 0; s < RUN_SIGMAS.length; s++) {
            System.out.printf(Locale.ROOT, "  %-26s", String.format(Locale.ROOT, "%.2f  bound (before: MAD)", RUN_SIGMAS[s]));
            for (int n : HISTORY_RUNS) {
                long seed = SEED + 100L * s + n;
                double bound = falseFailures(n, RUN_SIGMAS[s], trials, seed);
                double before = falseFailures(n, RUN_SIGMAS[s], trials, seed, StoredBaselineSimulation::madPointEstimate);
                worst = Math.max(worst, bound);
                System.out.printf(Locale.ROOT, "  %5.2f%% (%5.2f%%)", 100 * bound, 100 * before);
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "Worst cell with the bound: %.2f %%%n", 100 * worst);
        System.out.printf(Locale.ROOT, "The price: share of checks that FAIL a true +50 %% slowdown, bound (before)%n");
        for (int s = 0; s < RUN_SIGMAS.length; s++) {
            System.out.printf(Locale.ROOT, "  %-26s", String.format(Locale.ROOT, "%.2f", RUN_SIGMAS[s]));
            for (int n : HISTORY_RUNS) {
                long seed = SEED - 100L * s - n;
                System.out.printf(Locale.ROOT, "  %5.1f%% (%5.1f%%)",
                        100 * failures(n, RUN_SIGMAS[s], 0.5, trials, seed, RunNoise::upperBound),
                        100 * failures(n, RUN_SIGMAS[s], 0.5, trials, seed, StoredBaselineSimulation::madPointEstimate));
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - start) / 1e9);
    }
}
