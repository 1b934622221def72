package dev.perfgate.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import org.hipparchus.random.RandomDataGenerator;

import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.stats.Moments;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

/**
 * The accuracy benchmark of same-session A/B verdicts ({@code check --against}): how often the paired verdict fails,
 * warns or is inconclusive when base and candidate run interleaved on a machine whose speed drifts ({@link Drift}:
 * a random walk within ±50 %, and the walk with a sudden step), each side with its own latency noise drawn from a
 * shape (the synthetic ones, {@link SyntheticShape}, and real recordings resampled, {@link RecordedShape}), B slower
 * by 0 / 5 / 10 / 15 / 20 %. Each run is the whole procedure with the product's own code ({@link AbSimulation}:
 * first pass of 30 pairs, confirmation passes up to 120 pairs, the paired verdict under {@link Policy#DEFAULT});
 * beside it the unpaired verdict on the same samples. A simulation, not a unit test: seeded, so every run prints the
 * same tables.
 *
 * <p>Run it (about 20 min on 2 cores busy with other builds, 14 CPU-minutes; an optional argument sets the runs per
 * cell, default {@value #DEFAULT_RUNS}):
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.accuracy.PairedAccuracyBenchmark
 * </pre>
 */
public final class PairedAccuracyBenchmark {

    static final double[] SLOWDOWNS = {0, 0.05, 0.10, 0.15, 0.20};
    static final long SEED = 20_261_203L;
    /**
     * Runs per cell: 2,000, not the unpaired benchmark's 5,000, because a run here is up to seven comparisons of up to
     * 120 samples, with the drift test on every side, and 260 cells of 5,000 would take most of an hour on 2 cores.
     */
    static final int DEFAULT_RUNS = 2000;

    private PairedAccuracyBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_RUNS;
        long start = System.nanoTime();
        List<Shape> shapes = new ArrayList<>(List.of(SyntheticShape.values()));
        RecordedLatencies.all().forEach(r -> shapes.add(new RecordedShape(r)));
        int perDrift = shapes.size() * SLOWDOWNS.length;
        Cell[] cells = IntStream.range(0, Drift.values().length * perDrift).parallel()
                .mapToObj(i -> simulate(Drift.values()[i / perDrift], shapes.get(i % perDrift / SLOWDOWNS.length),
                        i % perDrift / SLOWDOWNS.length, i % SLOWDOWNS.length, runs))
                .toArray(Cell[]::new);
        System.out.printf(Locale.ROOT, "Paired accuracy (check --against): %d runs per cell, %d pairs per pass, at most "
                        + "%d, Policy.DEFAULT, seed %d (%.1f s)%n%n", runs, AbSimulation.PER_PASS, AbSimulation.MAX_PAIRS,
                SEED, AccuracyBenchmark.seconds(start));
        printWalk();
        for (Drift drift : Drift.values()) {
            List<Cell> rows = Arrays.stream(cells).filter(c -> c.drift() == drift).toList();
            printTable("paired verdict, " + drift.label + ": % of runs fail / warn / inconclusive, mean pairs", rows,
                    c -> String.format(Locale.ROOT, "%5.1f %4.1f %4.1f %5.1f", c.percent(Cell::fails),
                            c.percent(Cell::warnings), c.percent(Cell::inconclusives), c.meanPairs()), 24);
            printTable("unpaired on the same samples, " + drift.label + ": % of runs fail / warn (30 vs 30 first pass "
                    + "| all pairs)", rows, c -> String.format(Locale.ROOT, "%5.1f %4.1f |%5.1f %4.1f",
                    c.percent(Cell::unpairedFirstFails), c.percent(Cell::unpairedFirstWarnings),
                    c.percent(Cell::unpairedAllFails), c.percent(Cell::unpairedAllWarnings)), 24);
            printGoals(drift, rows);
        }
        printFirstPass(cells);
    }

    /**
     * Verdict counts of one shape at one slowdown under one drift, over {@code runs} A/B runs.
     *
     * @param pairs         the pairs measured, summed over the runs
     * @param pairedFirst   the paired estimate of the first pass alone (spread and interval at the full alpha)
     * @param unpairedFirst the same, unpaired (30 vs 30)
     */
    record Cell(Drift drift, Shape shape, double slowdown, int runs, int fails, int warnings, int inconclusives,
                long pairs, int unpairedFirstFails, int unpairedFirstWarnings, int unpairedAllFails,
                int unpairedAllWarnings, Precision pairedFirst, Precision unpairedFirst) {

        double percent(ToIntFunction<Cell> count) {
            return 100.0 * count.applyAsInt(this) / runs;
        }

        double meanPairs() {
            return (double) pairs / runs;
        }
    }

    /** Runs one cell; its seed comes from the drift, the shape's index and the slowdown's. */
    static Cell simulate(Drift drift, Shape shape, int shapeIndex, int slowdownIndex, int runs) {
        double slowdown = SLOWDOWNS[slowdownIndex];
        RandomDataGenerator rng = new RandomDataGenerator(SEED + 100_000L * drift.ordinal() + 1000L * shapeIndex
                + slowdownIndex);
        int[] paired = new int[Verdict.values().length];
        int[] first = new int[Verdict.values().length];
        int[] all = new int[Verdict.values().length];
        long pairs = 0;
        RelativeChange[] pairedFirst = new RelativeChange[runs];
        RelativeChange[] unpairedFirst = new RelativeChange[runs];
        for (int r = 0; r < runs; r++) {
            AbSimulation.Outcome o = AbSimulation.run(shape, slowdown, drift, rng);
            paired[o.paired().ordinal()]++;
            first[o.unpairedFirstPass().ordinal()]++;
            all[o.unpairedAllPairs().ordinal()]++;
            pairs += o.pairs();
            pairedFirst[r] = o.pairedFirst();
            unpairedFirst[r] = o.unpairedFirst();
        }
        int fail = Verdict.REGRESSION.ordinal();
        int warn = Verdict.WARNING.ordinal();
        return new Cell(drift, shape, slowdown, runs, paired[fail], paired[warn],
                paired[Verdict.INCONCLUSIVE.ordinal()], pairs, first[fail], first[warn], all[fail], all[warn],
                Precision.of(pairedFirst), Precision.of(unpairedFirst));
    }

    /**
     * How precise a first-pass estimate is over a cell's runs, in log terms.
     *
     * @param spread    standard deviation of log(1 + change) over the runs
     * @param halfWidth median of (log(1 + high) - log(1 + low)) / 2, the interval's half-width
     */
    record Precision(double spread, double halfWidth) {
        static Precision of(RelativeChange[] changes) {
            double[] logs = Arrays.stream(changes).mapToDouble(c -> Math.log1p(c.estimate())).toArray();
            double[] halves = Arrays.stream(changes).mapToDouble(c -> (Math.log1p(c.high()) - Math.log1p(c.low())) / 2)
                    .filter(Double::isFinite).sorted().toArray();
            return new Precision(Moments.of(new Sample(logs)).stddev(), Summary.quantile(halves, 0.5));
        }
    }

    /** How far the walk wanders: median and 95th percentile of max / min speed over the first pass and a full run. */
    private static void printWalk() {
        RandomDataGenerator rng = new RandomDataGenerator(SEED);
        int n = 5000;
        double[] firstPass = new double[n];
        double[] fullRun = new double[n];
        for (int i = 0; i < n; i++) {
            double[] speed = Drift.walk(rng, AbSimulation.MAX_PAIRS);
            firstPass[i] = range(Arrays.copyOf(speed, AbSimulation.PER_PASS));
            fullRun[i] = range(speed);
        }
        Arrays.sort(firstPass);
        Arrays.sort(fullRun);
        System.out.printf(Locale.ROOT, "The walk's range (fastest to slowest pair, x): over the first pass median %.2f,"
                        + " p95 %.2f; over %d pairs median %.2f, p95 %.2f. The step: x%.1f from a random iteration of "
                        + "pass 1.%n%n", Summary.quantile(firstPass, 0.5), Summary.quantile(firstPass, 0.95),
                AbSimulation.MAX_PAIRS, Summary.quantile(fullRun, 0.5), Summary.quantile(fullRun, 0.95), Drift.STEP);
    }

    /** Why the paired and unpaired verdicts differ: the first pass's spread and interval, at no change. */
    private static void printFirstPass(Cell[] cells) {
        System.out.println("First pass alone at no change, both at the full alpha: spread of log(1 + change) over the "
                + "runs | median half-width of the log interval, %; paired vs unpaired (30 vs 30)");
        System.out.printf(Locale.ROOT, "  %-38s", "distribution");
        for (Drift d : Drift.values()) System.out.printf(Locale.ROOT, "%34s", d.label + ": paired | unpaired");
        System.out.println();
        for (Cell cell : cells) {
            if (cell.slowdown() != 0 || cell.drift() != Drift.values()[0]) continue;
            System.out.printf(Locale.ROOT, "  %-38s", cell.shape().label());
            for (Cell same : cells) {
                if (same.slowdown() != 0 || same.shape() != cell.shape()) continue;
                System.out.printf(Locale.ROOT, "%34s", String.format(Locale.ROOT, "%5.1f %5.1f | %5.1f %5.1f",
                        100 * same.pairedFirst().spread(), 100 * same.pairedFirst().halfWidth(),
                        100 * same.unpairedFirst().spread(), 100 * same.unpairedFirst().halfWidth()));
            }
            System.out.println();
        }
        System.out.println();
    }

    private static double range(double[] speed) {
        return Arrays.stream(speed).max().orElseThrow() / Arrays.stream(speed).min().orElseThrow();
    }

    private static void printTable(String title, List<Cell> rows, Function<Cell, String> format, int width) {
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-38s", "distribution \\ true slowdown");
        for (double s : SLOWDOWNS) {
            System.out.printf(Locale.ROOT, "%" + width + "s", String.format(Locale.ROOT, "%.0f %%", s * 100));
        }
        System.out.println();
        Shape shape = null;
        for (Cell cell : rows) {
            if (cell.shape() != shape) {
                if (shape != null) System.out.println();
                shape = cell.shape();
                System.out.printf(Locale.ROOT, "  %-38s", shape.label());
            }
            System.out.printf(Locale.ROOT, "%" + width + "s", format.apply(cell));
        }
        System.out.println();
        System.out.println();
    }

    /**
     * The goals per slowdown: on how many shapes each method meets them, and the paired verdict's worst cell.
     * At +10 % also "flagged" (fail or warn) against the same 90 %: the rule fails only above 10 %.
     */
    private static void printGoals(Drift drift, List<Cell> rows) {
        System.out.println("Goals, " + drift.label + " (share failing; shapes meeting it: paired, unpaired 30 vs 30, "
                + "unpaired all pairs; the paired verdict's worst shape)");
        for (double slowdown : SLOWDOWNS) {
            Goal goal = Goal.of(slowdown);
            if (goal == null) continue;
            List<Cell> cells = rows.stream().filter(c -> c.slowdown() == slowdown).toList();
            Cell worst = cells.stream().min((x, y) -> goal.atMost()
                    ? Double.compare(y.percent(Cell::fails), x.percent(Cell::fails))
                    : Double.compare(x.percent(Cell::fails), y.percent(Cell::fails))).orElseThrow();
            System.out.printf(Locale.ROOT, "  +%2.0f %% fail %-7s met by %2d, %2d, %2d of %d; worst %.1f %% (%s)%n",
                    slowdown * 100, goal, count(cells, goal, Cell::fails), count(cells, goal, Cell::unpairedFirstFails),
                    count(cells, goal, Cell::unpairedAllFails), cells.size(), worst.percent(Cell::fails),
                    worst.shape().label());
            if (slowdown == 0.10) {
                System.out.printf(Locale.ROOT, "  +10 %% fail or warn %s met by %2d, %2d, %2d of %d%n", goal,
                        count(cells, goal, c -> c.fails() + c.warnings()),
                        count(cells, goal, c -> c.unpairedFirstFails() + c.unpairedFirstWarnings()),
                        count(cells, goal, c -> c.unpairedAllFails() + c.unpairedAllWarnings()), cells.size());
            }
        }
        System.out.println();
    }

    private static long count(List<Cell> cells, Goal goal, ToIntFunction<Cell> failing) {
        return cells.stream().filter(c -> goal.met(c.percent(failing))).count();
    }

    /** The goal for one slowdown, on the share of runs that fail, in %; null where none is set (+15 %). */
    record Goal(boolean atMost, double percent) {
        static Goal of(double slowdown) {
            if (slowdown == 0) return new Goal(true, 1);
            if (slowdown == 0.05) return new Goal(true, 2);
            if (slowdown == 0.10) return new Goal(false, 90);
            if (slowdown == 0.20) return new Goal(false, 99);
            return null;
        }

        boolean met(double failPercent) {
            return atMost ? failPercent <= percent : failPercent >= percent;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.0f %%", atMost ? "<=" : ">=", percent);
        }
    }
}
