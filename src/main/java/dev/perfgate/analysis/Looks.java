package dev.perfgate.analysis;

/**
 * The error budget of a benchmark that an A/B comparison looked at more than once. "Confirm before failing" adds
 * pairs to a benchmark whose first pass was a regression or undecided, and decides on all pairs; deciding after
 * every pass at the full alpha would fail unchanged code more often than alpha (each look is another chance). So
 * pass k spends {@code 2^-k} of the budget when further passes were possible (1/2, 1/4, 1/8, ...: the shares sum
 * to less than 1, a union bound over the looks, as in alpha-spending designs; Lan &amp; DeMets 1983, Biometrika
 * 70:659), and the whole budget when the first pass is the only one there can be. Alpha, the p-value cap and the
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
        if (!confirming) return 1;
        return Math.pow(0.5, Math.max(1, looks));
    }
}
