package dev.perfgate.analysis;

/**
 * The error budget of a benchmark that an A/B comparison looked at more than once. "Confirm before failing" adds
 * pairs to a benchmark whose first pass was a regression or undecided, and decides on all pairs; deciding after
 * every pass at the full alpha would fail unchanged code more often than alpha (each look is another chance).
 *
 * <p>When passes can be added, a failure is only ever decided on pass 2 or later (a first-pass regression is always
 * confirmed, or, with no budget left to confirm it, reported as a warning), so the first pass spends nothing and may
 * judge "ok" or "undecided" at the full alpha; pass k &gt;= 2 spends {@code 2^-(k-1)} of the budget (1/2, 1/4, 1/8,
 * ...: together less than the whole, a union bound over the looks that can fail, as alpha-spending designs do;
 * Lan &amp; DeMets 1983, Biometrika 70:659). A run that could not add passes spends the whole budget on its one
 * look. Alpha, the p-value cap and the interval's level are all scaled by the share.
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
        return Math.pow(0.5, looks - 1);
    }

    /**
     * True when a regression after {@code looks} passes may fail: always after more than one pass, and after one
     * only when no pass could have been added.
     */
    public static boolean mayFail(int looks, boolean confirming) {
        return !confirming || looks > 1;
    }
}
