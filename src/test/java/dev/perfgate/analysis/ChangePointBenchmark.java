package dev.perfgate.analysis;

import static dev.perfgate.analysis.ChangePointSeries.lognormal;
import static dev.perfgate.analysis.ChangePointSeries.shift;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import dev.perfgate.model.Direction;

/**
 * Times and scores {@link ChangePoints} (a measurement, not a unit test; nothing here asserts):
 * <ul>
 *   <li>speed: 100 series of 10,000 runs (the {@code history analyze} goal: under 10 s with reading the
 *       history), each with 0-5 random shifts so that most null tables get built, cold and warm;</li>
 *   <li>false alarms: 1,000 seeded lognormal series of 1,000 runs with no change;</li>
 *   <li>drift: 1,000 seeded series with 4 steps of +4 % every 50 runs on 2 % noise.</li>
 * </ul>
 * Run from the repository root:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt &amp;&amp; \
 *   java -cp target/classes:target/test-classes:$(cat target/test-cp.txt) dev.perfgate.analysis.ChangePointBenchmark
 * </pre>
 */
public final class ChangePointBenchmark {

    private ChangePointBenchmark() {
    }

    public static void main(String[] args) {
        double[][] histories = histories(100, 10_000);
        time("cold (builds the null tables)", histories, false);
        time("warm", histories, false);
        time("warm, 2 threads", histories, true);
        falseAlarms(1_000, 1_000);
        drift(1_000);
    }

    private static double[][] histories(int count, int runs) {
        SplittableRandom random = new SplittableRandom(42);
        double[][] histories = new double[count][];
        for (int i = 0; i < count; i++) {
            histories[i] = lognormal(runs, 1 + random.nextDouble() * 10, 0.05, 1000 + i);
            int shifts = random.nextInt(6);
            for (int s = 0; s < shifts; s++) {
                shift(histories[i], 1 + random.nextInt(runs - 1), 0.8 + random.nextDouble() * 0.4);
            }
        }
        return histories;
    }

    private static void time(String label, double[][] histories, boolean parallel) {
        long start = System.nanoTime();
        IntStream indices = IntStream.range(0, histories.length);
        if (parallel) indices = indices.parallel();
        int found = indices.map(i -> ChangePoints.DEFAULT.find(histories[i], Direction.LOWER).size()).sum();
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%d series x %d runs, %s: %.0f ms (%.1f ms per series), %d change points%n",
                histories.length, histories[0].length, label, millis, millis / histories.length, found);
    }

    private static void falseAlarms(int series, int runs) {
        long start = System.nanoTime();
        int flagged = 0;
        for (int seed = 0; seed < series; seed++) {
            if (!ChangePoints.DEFAULT.find(lognormal(runs, 1.5, 0.05, 50_000 + seed), Direction.LOWER).isEmpty()) {
                flagged++;
            }
        }
        System.out.printf(Locale.ROOT, "false alarms: %d of %d stationary series of %d runs have a change point"
                + " (%.1f %% clean; %.0f ms)%n", flagged, series, runs, 100.0 * (series - flagged) / series,
                (System.nanoTime() - start) / 1e6);
    }

    private static void drift(int series) {
        int[] steps = {100, 150, 200, 250};
        int allFound = 0;
        int exact = 0;
        int withinOne = 0;
        int spurious = 0;
        for (int seed = 0; seed < series; seed++) {
            double[] values = lognormal(350, 1.0, 0.02, 70_000 + seed);
            for (int step : steps) shift(values, step, 1.04);
            List<ChangePoint> found = ChangePoints.DEFAULT.find(values, Direction.LOWER);
            int matched = 0;
            for (int step : steps) {
                int error = found.stream().mapToInt(c -> Math.abs(c.index() - step)).min().orElse(99);
                if (error <= 10) matched++;
                if (error == 0) exact++;
                if (error <= 1) withinOne++;
            }
            if (matched == steps.length) allFound++;
            spurious += found.size() - matched;
        }
        int total = series * steps.length;
        System.out.printf(Locale.ROOT, "drift (4 steps of +4 %% on 2 %% noise): all 4 found in %d of %d series;"
                        + " steps at the exact run %.1f %%, within 1 run %.1f %%; %d other change points%n",
                allFound, series, 100.0 * exact / total, 100.0 * withinOne / total, spurious);
    }
}
