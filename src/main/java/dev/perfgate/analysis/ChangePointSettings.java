package dev.perfgate.analysis;

/**
 * {@code ChangePointSettings} are the knobs of {@link ChangePoints}; pass them in, never read them from globals.
 *
 * @param windowLength runs per window; windows overlap by half. Otava uses 50, but steps of +4 % on 2 % noise
 *                     50 runs apart are then found 88.5 % of the time, at 100 99.9 % (measured, 4,000 steps)
 * @param minSegment   fewest runs on either side of a change point (&gt;= 2)
 * @param alpha        family-wise significance over the whole series: about the chance that a series with no
 *                     change at all, of any length, shows a change point
 * @param permutations permutations per segment length in the null table ({@link ChangePointNull})
 * @param seed         seed of those permutations: same seed, same answer
 */
public record ChangePointSettings(int windowLength, int minSegment, double alpha, int permutations, long seed) {

    /**
     * Windows of 100 runs, segments of at least 5 runs, alpha 0.005, 10,000 permutations.
     *
     * <p>Why these two numbers (issue 22): alpha is family-wise over a series, and on ranks a split can be no more
     * extreme than a perfect separation, which has permutation probability {@code 2 / C(n, a)} at its own split and
     * more once the best of all splits is taken. With 5 runs on the short side, 5 + 10 perfectly separated runs
     * reach p ≈ 0.003 (5 + 9 is found too): found at 0.005, not at the 0.001 used before (which needed 8 + 8, and
     * missed a +45 % step over 16 main runs). Fewer than 5 on a side cannot reach 0.005 at all in short histories (4 + 12: p ≈ 0.006), hence
     * the minimum segment. The price is false alarms: measured on stationary series of 10 to 50 runs, 0.0-0.6 %
     * (docs/MEASUREMENTS.md), within the 1 % goal; on 1,000-run series Bonferroni over the windows keeps it at
     * 0.1 % ({@code ChangePointsFalseAlarmTest}).
     */
    public static final ChangePointSettings DEFAULT = new ChangePointSettings(100, 5, 0.005, 10_000, 20_140_101L);

    /** @throws IllegalArgumentException when a knob is out of range */
    public ChangePointSettings {
        if (minSegment < 2) throw new IllegalArgumentException("minimum segment must be >= 2 runs: " + minSegment);
        if (windowLength < 2 * minSegment) {
            throw new IllegalArgumentException("window must hold two minimum segments: " + windowLength);
        }
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        if (permutations < 1_000) throw new IllegalArgumentException("need >= 1000 permutations: " + permutations);
    }

    public ChangePointSettings withAlpha(double value) {
        return new ChangePointSettings(windowLength, minSegment, value, permutations, seed);
    }

    public ChangePointSettings withWindowLength(int value) {
        return new ChangePointSettings(value, minSegment, alpha, permutations, seed);
    }

    public ChangePointSettings withMinSegment(int value) {
        return new ChangePointSettings(windowLength, value, alpha, permutations, seed);
    }
}
