package dev.perfgate.analysis;

/**
 * A {@code ChangePoint} is a persistent shift in a benchmark's history, found by {@link ChangePoints}.
 *
 * @param index        position in the series of the first run after the shift (0-based, &gt;= 1)
 * @param commit       that run's commit, or {@code null} when the caller gave none
 * @param change       relative change of the median after the shift against the median before it, <b>positive =
 *                     worse</b> whatever the direction: {@code after / before - 1} for lower-is-better,
 *                     {@code 1 - after / before} for higher-is-better; NaN when the median before is 0
 * @param medianBefore median of the runs from the previous change point (or the start) to this one, in the
 *                     series' unit
 * @param medianAfter  median of the runs from this change point to the next one (or the end), in the series' unit
 * @param pValue       family-wise p-value: the permutation p-value of the split times the number of windows
 *                     (Bonferroni), capped at 1; comparable with {@link ChangePointSettings#alpha()}
 */
public record ChangePoint(int index, String commit, double change, double medianBefore, double medianAfter,
                          double pValue) {

    /** The first {@code length} characters of the commit (e.g. 7 for a short hash), or {@code null}. */
    public String shortCommit(int length) {
        if (commit == null) return null;
        return commit.length() <= length ? commit : commit.substring(0, length);
    }
}
