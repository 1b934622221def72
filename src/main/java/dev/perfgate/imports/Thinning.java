package dev.perfgate.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many samples an imported benchmark keeps, and how they are chosen when a harness recorded more: pgbench
 * logs every transaction and JMH's sample mode records tens of thousands of timings per benchmark.
 *
 * <p>Why a limit: the Hodges-Lehmann estimate perfgate compares with takes all {@code m * n} pairwise
 * differences, about 2 s and 200 MB at 5,000 samples a side, and beyond a few thousand samples the interval is
 * no longer limited by their number but by the run-to-run noise, which more samples of one run cannot reduce.
 * The choice is deterministic (no random draw), so importing the same file twice gives the same samples.
 */
final class Thinning {

    /** At most this many samples per benchmark. */
    static final int MAX_SAMPLES = 5_000;

    private Thinning() {
    }

    /**
     * {@code MAX_SAMPLES} values evenly spaced through {@code values} (indices {@code floor(i * n / MAX)}), keeping
     * their order, or all of them when there are not more.
     */
    static List<Double> evenly(double[] values, int size) {
        int keep = Math.min(size, MAX_SAMPLES);
        List<Double> out = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) out.add(values[(int) ((long) i * size / keep)]);
        return out;
    }

    /** The warning that says thinning happened, or {@code null} when it did not. */
    static String warning(String benchmark, long recorded) {
        if (recorded <= MAX_SAMPLES) return null;
        return String.format(Locale.ROOT, "%s: %d samples recorded, %d evenly spaced ones kept (perfgate compares "
                + "at most %d per benchmark)", benchmark, recorded, MAX_SAMPLES, MAX_SAMPLES);
    }
}
