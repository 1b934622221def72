package dev.perfgate.analysis;

/**
 * The error budget of a benchmark that an A/B comparison looked at more than once. A benchmark gets further passes
 * of pairs while it is undecided or has not reached its sensitivity target, and is decided on all its pairs; deciding
 * after every pass at the full alpha would fail unchanged code more often than alpha (each look is another chance).
 *
 * <p>The spending plan, when passes can be added: the first look spends {@value #FIRST_LOOK} of the budget, so a
 * regression whose first-pass interval lies far above the fail threshold fails at once, without a second pass
 * (a 99 % interval at the default alpha); look {@code k >= 2} spends {@code 0.3 * 2^-(k-2)} (0.3, 0.15, 0.075, ...).
 * In all at most 0.8 of the budget, a union bound over the looks, as alpha-spending designs do (Lan &amp; DeMets 1983,
 * Biometrika 70:659). Why 0.8 and not the whole: a true change inside the warning band fails only when the interval
 * clears the warn threshold, a one-sided test at alpha/2 per look, so the looks together fail it at most
 * 0.8 x 2.5 % = 2 % of the time, the spec's bound; no change at all fails only below the p-value cap, scaled alike
 * (measured in the paired accuracy benchmark). A run that could not add passes spends the whole budget on its one
 * look. Only a failure spends: every other verdict is decided, and its interval shown, at the policy's own level.
 */
public final class Looks {

    /** The share of the error budget the first look may spend on a failure. */
    static final double FIRST_LOOK = 0.2;

    /** The share of the second look; each later look spends half the one before. */
    static final double SECOND_LOOK = 0.3;

    private Looks() {
    }

    /**
     * The share of the error budget for a verdict after {@code looks} passes.
     *
     * @param confirming true when the run could add passes (its budget allowed more than one)
     */
    public static double share(int looks, boolean confirming) {
        if (!confirming) return 1;
        if (looks <= 1) return FIRST_LOOK;
        return SECOND_LOOK * Math.pow(0.5, looks - 2);
    }
}
