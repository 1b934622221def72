package dev.perfgate.analysis;

/**
 * The error budget of a benchmark that an A/B comparison looked at more than once. "Confirm before failing" adds
 * pairs to a benchmark whose first pass was a regression or undecided, and decides on all pairs; deciding after
 * every pass at the full alpha would fail unchanged code more often than alpha (each look is another chance).
 *
 * <p>When passes can be added, a failure is only ever decided on pass 2 or later (a first-pass regression is always
 * confirmed, or, with no budget left to confirm it, reported as a warning), so the first pass spends nothing and may
 * judge "ok" or "undecided" at the full alpha; pass k &gt;= 2 spends {@code 0.4 * 2^-(k-2)} of the budget (0.4, 0.2,
 * 0.1, ...: at most 0.8 of it in all, a union bound over the looks that can fail, as alpha-spending designs do;
 * Lan &amp; DeMets 1983, Biometrika 70:659). Why 0.8 and not the whole: a true change inside the warning band fails
 * only when the interval clears the warn threshold, a one-sided test at alpha/2 per look, so the looks together
 * fail it at most 0.8 x 2.5 % = 2 % of the time, the spec's bound (measured in the paired accuracy benchmark).
 * A run that could not add passes spends the whole budget on its one look. Alpha, the p-value cap and the
 * interval's level are all scaled by the share.
 */
public final class Looks {

    private Looks() {
    }

    /**
     * The share of the error budget for a verdict after {@code looks} passes.
     *
     * @param confirming true when the run could add passes (its budget allowed more than one)
     */
    public static double share(int looks, boolean confirming) {
        if (!confirming || looks <= 1) return 1;
        return 0.4 * Math.pow(0.5, looks - 2);
    }

    /**
     * True when a regression after {@code looks} passes may fail: always after more than one pass, and after one
     * only when no pass could have been added.
     */
    public static boolean mayFail(int looks, boolean confirming) {
        return !confirming || looks > 1;
    }
}
