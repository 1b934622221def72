package dev.perfgate.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code ChangePointNull} is the permutation distribution of the largest {@link ChangePointStatistic} over
 * the splits of a segment of one length, under "no change" (every order of the values equally likely).
 *
 * <p>Matteson &amp; James test each split with a permutation test on the segment itself. Because the statistic
 * is computed on ranks, that distribution is the same for every segment of a given length without ties, so one
 * Monte Carlo table per length (fixed seed: reproducible) serves every window of the history. With ties
 * (mid-ranks) it is no longer exact, but measured on timings rounded to 0.1 ms (about five distinct values) the
 * false-alarm rate stays at its level. Tables are built on first use and cached.
 *
 * <p>Tail p-values: the smallest p-value {@code P} permutations can show is {@code 1/(P+1)}, but a history of
 * {@code n} runs is tested at {@code alpha / windows}. Beyond the 95th percentile the tail is fitted with an
 * exponential (peaks over threshold with a generalised Pareto shape of 0: Knijnenburg et al. 2009, "Fewer
 * permutations, more accurate P-values", Bioinformatics 25(12)); the tail of a Cramér-von Mises type
 * statistic is exponential. Checked against 2,000,000 permutations: at length 50 the fit gives 8.6e-5 for a
 * true 1e-4 and 1.0e-5 for 1e-5; at length 20, where the tail is bounded, it overstates p (conservative).
 */
final class ChangePointNull {

    /** Below this many permutations at least as extreme, the count alone is too coarse: use the fitted tail. */
    private static final int MIN_EXCEEDANCES = 10;
    /** Ratio between successive table lengths. */
    private static final double GRID_RATIO = 1.25;
    /** The fraction of the table above the tail threshold. */
    private static final double TAIL_FRACTION = 0.05;

    private record Key(int length, int minSegment, int permutations, long seed) {
    }

    private static final Map<Key, ChangePointNull> CACHE = new ConcurrentHashMap<>();

    private final double[] sorted;
    private final double threshold;
    private final double meanExcess;

    private ChangePointNull(double[] sorted) {
        this.sorted = sorted;
        int tail = (int) (sorted.length * TAIL_FRACTION);
        this.threshold = sorted[sorted.length - tail - 1];
        double excess = 0;
        for (int i = sorted.length - tail; i < sorted.length; i++) excess += sorted[i] - threshold;
        this.meanExcess = excess / tail;
    }

    /**
     * The table for segments of {@code length} values (built once per JVM, then shared; thread-safe).
     *
     * <p>Lengths are rounded up to a grid (steps of 25 %, and the window length itself) so that at most a dozen
     * tables are ever built (about 0.4 s in all for windows of 100). The largest statistic grows with the length
     * (more splits to choose from; measured quantiles for lengths 10 to 100 agree up to Monte Carlo noise), so a
     * longer table gives a slightly larger, conservative p-value.
     */
    static ChangePointNull of(int length, ChangePointSettings settings) {
        Key key = new Key(tableLength(length, settings), settings.minSegment(), settings.permutations(),
                settings.seed());
        return CACHE.computeIfAbsent(key, k -> new ChangePointNull(simulate(k)));
    }

    /** The smallest grid length {@code >= length}: {@code 2·minSegment·1.25^k}, capped by the window length. */
    static int tableLength(int length, ChangePointSettings settings) {
        double grid = 2.0 * settings.minSegment();
        while (Math.round(grid) < length) grid *= GRID_RATIO;
        return (int) Math.max(length, Math.min(Math.round(grid), settings.windowLength()));
    }

    /** The probability of a largest statistic at least {@code statistic} under "no change". */
    double pValue(double statistic) {
        int n = sorted.length;
        // a hair of tolerance: a data split and a permutation with the same ranks give the same double anyway
        int atLeast = n - ChangePointStatistic.countBelow(sorted, statistic - 1e-12, false);
        if (atLeast >= MIN_EXCEEDANCES || meanExcess <= 0) return (atLeast + 1.0) / (n + 1.0);
        double fitted = TAIL_FRACTION * Math.exp(-(statistic - threshold) / meanExcess);
        // the fit must not claim less than the permutations themselves show (bounded tails of short segments)
        return Math.min(1.0, Math.max(fitted, (double) atLeast / n));
    }

    private static double[] simulate(Key key) {
        int m = key.length();
        SplittableRandom random = new SplittableRandom(key.seed() * 31 + m);
        int[] ranks = new int[m];
        for (int i = 0; i < m; i++) ranks[i] = 2 * (i + 1);
        ChangePointStatistic statistic = new ChangePointStatistic(m);
        double[] out = new double[key.permutations()];
        for (int p = 0; p < out.length; p++) {
            shuffle(ranks, random);
            out[p] = statistic.best(ranks, key.minSegment()).statistic();
        }
        Arrays.sort(out);
        return out;
    }

    /** Fisher-Yates; shuffling the previous permutation again is still uniform. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
