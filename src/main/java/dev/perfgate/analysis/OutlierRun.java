package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a run about to become the baseline is an outlier against the history: a baseline from a run that happened
 * to be fast makes every later run of unchanged code look slower (issue 22: five checks after accepting a fast run
 * all read +13 to +56 %, and one failed). For each benchmark with at least {@value #MIN_RUNS} other recorded runs,
 * the run counts as fast (slow) when it is faster (slower) than at least {@value #EXTREME_SHARE_PERCENT} % of them;
 * the run is an outlier when at least half of those benchmarks are extreme in the same direction. A run of unchanged
 * code is that fast with chance 1/6 against 5 recorded runs (it must beat all 5) and 2/11 against 10 (9 of 10), as
 * often that slow: a warning a reviewer should see, not a refusal, since the run may be the first of faster code.
 * Pure: medians in, a warning out.
 */
public final class OutlierRun {

    /** Fewer other runs than this say too little about where a run sits. */
    public static final int MIN_RUNS = 5;
    /** A benchmark is extreme when its run beats (or trails) at least this share of the recorded runs. */
    static final int EXTREME_SHARE_PERCENT = 90;

    private OutlierRun() {
    }

    /**
     * One warning line when {@code run}'s medians sit at the edge of {@code history}'s for at least half of the
     * benchmarks that have {@value #MIN_RUNS} recorded runs, else null.
     *
     * @param history each benchmark's medians in earlier runs; a median equal to the run's own is taken to be
     *                the run itself (a check records the run it measured) and left out once
     * @param run     each benchmark's median in the run to accept
     */
    public static String warning(Map<String, double[]> history, Map<String, Double> run) {
        int judged = 0;
        List<String> faster = new ArrayList<>();
        List<String> slower = new ArrayList<>();
        for (Map.Entry<String, Double> e : run.entrySet()) {
            double[] others = withoutItself(history.getOrDefault(e.getKey(), new double[0]), e.getValue());
            if (others.length < MIN_RUNS) continue;
            judged++;
            int beaten = 0;
            int beating = 0;
            for (double m : others) {
                if (m > e.getValue()) beaten++;
                if (m < e.getValue()) beating++;
            }
            if (100 * beaten >= EXTREME_SHARE_PERCENT * others.length) {
                faster.add(String.format(Locale.ROOT, "%s faster than %d of %d", e.getKey(), beaten, others.length));
            } else if (100 * beating >= EXTREME_SHARE_PERCENT * others.length) {
                slower.add(String.format(Locale.ROOT, "%s slower than %d of %d", e.getKey(), beating, others.length));
            }
        }
        boolean fast = faster.size() >= slower.size();
        List<String> extreme = fast ? faster : slower;
        if (judged == 0 || extreme.isEmpty() || 2 * extreme.size() < judged) return null;
        return String.format(Locale.ROOT, "this run is %s than most recorded runs of this suite on this machine for "
                + "%d of %d benchmarks (%s): against it, later runs of unchanged code will look %s. Consider "
                + "accepting a run nearer the middle ('perfgate history list' shows the recorded runs)",
                fast ? "faster" : "slower", extreme.size(), judged, String.join("; ", extreme),
                fast ? "slower" : "faster");
    }

    private static double[] withoutItself(double[] medians, double own) {
        List<Double> kept = new ArrayList<>(medians.length);
        boolean dropped = false;
        for (double m : medians) {
            if (!dropped && m == own) {
                dropped = true;
                continue;
            }
            kept.add(m);
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
