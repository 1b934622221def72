package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Seeded synthetic benchmark histories for the change-point tests and benchmark. */
final class ChangePointSeries {

    private ChangePointSeries() {
    }

    /** {@code n} runs of {@code median · exp(sigma · N(0, 1))}: lognormal noise, no change. */
    static double[] lognormal(int n, double median, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = median * Math.exp(sigma * gaussian(random));
        return values;
    }

    /** Multiplies every run from {@code from} on by {@code factor} (a persistent shift), in place. */
    static double[] shift(double[] values, int from, double factor) {
        for (int i = from; i < values.length; i++) values[i] *= factor;
        return values;
    }

    /** Multiplies each run by {@code factor} with probability {@code rate} (stalls), in place. */
    static double[] stalls(double[] values, double rate, double factor, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            if (random.nextDouble() < rate) values[i] *= factor;
        }
        return values;
    }

    /** Fake commit ids, one per run: 40 hex digits whose first 7 encode the run. */
    static List<String> commits(int n) {
        List<String> commits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            commits.add(String.format(Locale.ROOT, "%07x", 0xc0000 + i) + "0".repeat(33));
        }
        return commits;
    }

    /** Box-Muller; {@code 1 - u} keeps the logarithm finite. */
    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
