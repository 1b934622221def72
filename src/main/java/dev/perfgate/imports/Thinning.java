package dev.perfgate.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many samples an imported benchmark keeps, and how they are chosen when a harness recorded more. The results
 * file is the record, so an import keeps every sample a harness wrote (a pgbench log of every transaction, JMH's raw
 * data); only the comparison thins, inside the statistics ({@code stats.Comparison#MAX_RANK_SAMPLES}).
 *
 * <p>The one limit is that of the file itself: a results file must stay under its 32 MB, about a million samples;
 * JMH's sample-mode histograms, which can stand for billions of timings, are expanded up to that. The choice is
 * deterministic (no random draw), so importing the same file twice gives the same samples.
 */
final class Thinning {

    /** At most this many samples per benchmark: what a results file can hold. */
    static final int MAX_SAMPLES = 1_000_000;

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
        return String.format(Locale.ROOT, "%s: %d samples recorded, %d evenly spaced ones kept (a results file holds "
                + "at most %d per benchmark)", benchmark, recorded, MAX_SAMPLES, MAX_SAMPLES);
    }
}
