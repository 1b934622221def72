package dev.perfgate.analysis;

import dev.perfgate.stats.Summary;

import java.util.Arrays;

/**
 * Run-to-run noise of a benchmark: how much the medians of separate runs of unchanged code scatter. A within-run
 * test cannot see it (every sample of a run shares the run's server start, memory layout, CPU placement and
 * neighbours), yet it is what makes two runs differ on a CI machine. Estimated robustly from the history as
 * {@code 1.4826 * MAD} of the logs of the last {@value #MAX_RUNS} medians (the normal-consistent median
 * absolute deviation; Rousseeuw &amp; Croux 1993), so one regressed or stalled run does not inflate it.
 */
public final class RunNoise {

    /** Fewer earlier runs than this say too little about the noise: no estimate. */
    public static final int MIN_RUNS = 5;
    /** Only the most recent runs count, so an old noisy period does not mask today's regressions. */
    public static final int MAX_RUNS = 30;

    private RunNoise() {
    }

    /** The log-scale standard deviation of run medians (oldest first); NaN with fewer than {@link #MIN_RUNS}. */
    public static double sigma(double[] medians) {
        double[] logs = Arrays.stream(medians, Math.max(0, medians.length - MAX_RUNS), medians.length)
                .filter(m -> m > 0 && Double.isFinite(m)).map(Math::log).toArray();
        if (logs.length < MIN_RUNS) return Double.NaN;
        double center = Summary.median(logs);
        double[] deviations = Arrays.stream(logs).map(x -> Math.abs(x - center)).toArray();
        return 1.4826 * Summary.median(deviations);
    }
}
