package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision rule that turns a change, its interval and a p-value into a {@link Verdict}. All changes are
 * relative and positive = worse; F is the fail threshold, W the warn threshold, the interval is the
 * {@code 1 - alpha} interval, p is corrected for multiple comparisons. In order:
 * <ol>
 *   <li>no estimate or no interval: INCONCLUSIVE;</li>
 *   <li>estimate &gt; F, the whole interval beyond W (quick mode: beyond F), p &lt; alpha and
 *       p &lt; {@value #REGRESSION_P_CAP}: REGRESSION;</li>
 *   <li>p &lt; alpha, estimate &lt; -W and the whole interval below zero: IMPROVEMENT;</li>
 *   <li>estimate &gt; F otherwise: WARNING, with the reason it is not established;</li>
 *   <li>interval from below W to above F (could be ok, could be a regression): INCONCLUSIVE;</li>
 *   <li>estimate &gt; W: WARNING;</li>
 *   <li>otherwise OK: the estimate is at most W worse (it may be better, by any amount, when that is not
 *       established as an improvement) and the interval rules out a slowdown beyond F.</li>
 * </ol>
 * Why step 2 asks for more than "estimate &gt; F and p &lt; alpha": on a noisy metric that alone fails about
 * alpha/2 = 2.5 % of runs with no change at all, and the spec allows 1 %. Each added condition bounds one error
 * whatever the noise: the interval clearing W is a one-sided test of "slowdown &lt;= W" at level alpha/2, so a
 * true change inside the warning band fails at most 2.5 % of the time; the two-sided p below 0.01 is a
 * one-sided 0.5 % test of "no slowdown", half the spec's 1 % false-failure budget, leaving room for the
 * approximations (measured: at most 0.6 % on lognormals with sigma up to 1). On quiet metrics neither binds
 * (the estimate &gt; F condition does), so they cost no power there; on very noisy ones they trade power for
 * the guarantee, and the verdict is "inconclusive" or "warning" with the iterations that would decide.
 */
final class VerdictRule {

    /** A regression's p-value must also be below this (two-sided; see the class comment for why). */
    static final double REGRESSION_P_CAP = 0.01;

    /** Cap on the iteration estimate: beyond this, more iterations are not the answer. */
    static final int MAX_ITERATIONS_ESTIMATE = 1_000_000;

    private VerdictRule() {
    }

    /** A verdict, the notes that explain it, and for an undecided one how many iterations would decide. */
    record Decision(Verdict verdict, List<String> notes, Integer iterationsToDecide) {
    }

    /**
     * The bad-direction change of one benchmark: estimate and interval, positive = worse.
     *
     * @param runSigma       the run-to-run noise (log standard deviation of runs' medians) the interval was widened
     *                       to cover, in a comparison of separate runs; 0 when both sides ran in one session
     * @param floorHalfWidth the half-width no number of iterations can shrink the interval below: the run-to-run
     *                       noise's, around the estimate (0 in one session)
     */
    record Change(double estimate, double low, double high, double pValue, int baselineN, int currentN,
                  double runSigma, double floorHalfWidth) {

        /** A change of two sides measured in one session: no run-to-run noise between them. */
        Change(double estimate, double low, double high, double pValue, int baselineN, int currentN) {
            this(estimate, low, high, pValue, baselineN, currentN, 0, 0);
        }

        /** {@code bad} (positive = worse) with the p-value {@code pValue} and the sample sizes of {@code test}. */
        static Change of(RelativeChange bad, double pValue, Comparison test) {
            return new Change(bad.estimate(), bad.low(), bad.high(), pValue, test.baselineN(), test.currentN());
        }

        /**
         * This change of two separate runs, its interval (at {@code confidence}) widened for run-to-run noise
         * {@code sigma}.
         */
        Change acrossRuns(double sigma, double confidence) {
            if (!(sigma > 0) || Double.isNaN(estimate)) return this;
            RelativeChange floor = new RelativeChange(estimate, estimate, estimate, confidence).coveringRunNoise(sigma);
            return new Change(estimate, low, high, pValue, baselineN, currentN, sigma,
                    (floor.high() - floor.low()) / 2);
        }

        boolean hasInterval() {
            return !Double.isNaN(estimate) && !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    static Decision decide(Change c, boolean quick, Policy policy) {
        return decide(c, quick, policy, 1);
    }

    /**
     * As {@link #decide(Change, boolean, Policy)} with only {@code share} of the error budget to spend: alpha and the
     * p-value cap are both multiplied by it (and the interval must have been computed at that level). An A/B
     * comparison that looked at a benchmark several times spends a share per look ({@link Looks}).
     */
    static Decision decide(Change c, boolean quick, Policy policy, double share) {
        double cap = REGRESSION_P_CAP * share;
        policy = policy.with(v -> v.alpha *= share);
        double f = policy.failThreshold();
        double w = policy.warnThreshold();
        if (!c.hasInterval()) {
            return new Decision(Verdict.INCONCLUSIVE, List.of("no confidence interval: cannot decide"),
                    policy.minIterations());
        }
        boolean significant = c.pValue() < policy.alpha();
        boolean established = significant && c.pValue() < cap && c.low() > (quick ? f : w);
        if (established && c.estimate() > f) return new Decision(Verdict.REGRESSION, List.of(), null);
        // an improvement must be established by the interval too (a widened one can cross zero despite a tiny p)
        if (significant && c.estimate() < -w && c.high() < 0) return new Decision(Verdict.IMPROVEMENT, List.of(), null);
        boolean straddles = c.low() < w && c.high() > f;
        Integer iterations = straddles ? iterationsToDecide(c, policy) : null;
        if (c.estimate() > f) {
            return new Decision(Verdict.WARNING, notEstablished(c, significant, quick, policy, cap), iterations);
        }
        if (straddles) {
            return new Decision(Verdict.INCONCLUSIVE, List.of("interval " + Numbers.percent(c.low()) + " to "
                    + Numbers.percent(c.high()) + " is too wide to tell ok from regression; " + howToDecide(c,
                    iterations)), iterations);
        }
        if (c.estimate() > w) return new Decision(Verdict.WARNING, List.of(), null);
        return new Decision(Verdict.OK, List.of(), null);
    }

    private static List<String> notEstablished(Change c, boolean significant, boolean quick, Policy policy,
                                               double cap) {
        List<String> notes = new ArrayList<>();
        if (!significant) {
            notes.add("worse by " + Numbers.percent(c.estimate()) + " but not significant (" + Numbers.pIs(c.pValue())
                    + ")");
        } else if (c.pValue() >= cap) {
            String[] p = Numbers.pAgainst(c.pValue(), cap); // alike, so "0.004" never sits beside "0.004000"
            notes.add("worse by " + Numbers.percent(c.estimate()) + ", but p = " + p[0] + ": a regression needs p < "
                    + p[1] + " (at most 1% false failures however noisy the metric)");
        } else if (quick && c.low() <= policy.failThreshold()) {
            notes.add("quick mode: fails only when the whole interval (" + Numbers.percent(c.low()) + " to "
                    + Numbers.percent(c.high()) + ") is beyond " + Numbers.percent(policy.failThreshold()));
        } else {
            notes.add("worse by " + Numbers.percent(c.estimate()) + ", but the interval (" + Numbers.percent(c.low())
                    + " to " + Numbers.percent(c.high()) + ") reaches into the ±" + Numbers.share(policy.warnThreshold())
                    + " band: not established as a regression");
        }
        if (c.low() < policy.warnThreshold()) notes.add(howToDecide(c, iterationsToDecide(c, policy)));
        return notes;
    }

    /**
     * What would decide an undecided change: more iterations per run, or, when the run-to-run noise alone keeps the
     * interval too wide, a comparison in one session, which more iterations of separate runs can never replace.
     */
    private static String howToDecide(Change c, Integer iterations) {
        if (iterations != null) return String.format(Locale.ROOT, "about %d iterations per run would decide", iterations);
        return "more iterations cannot narrow it: separate runs differ by run-to-run noise of ±"
                + Numbers.share(Math.expm1(c.runSigma())) + ", which no number of iterations within a run removes; "
                + "compare both sides in one session to decide (perfgate check --against REF)";
    }

    /**
     * Iterations per run (baseline and current alike) that would shrink the interval enough to decide: the
     * half-width scales with {@code sqrt(1/m + 1/n)}, and must drop to the distance from the estimate to the
     * farther of the two thresholds it has to clear. Null when no number would: between separate runs the interval
     * never gets narrower than the run-to-run noise's ({@link Change#floorHalfWidth()}), and when that alone is
     * wider than needed, shrinking the within-run part as if it were all the width gave advice that could not work
     * (600 iterations a side left the interval as wide, and the advice grew).
     */
    static Integer iterationsToDecide(Change c, Policy policy) {
        double halfWidth = (c.high() - c.low()) / 2;
        double needed = Math.max(policy.failThreshold() - c.estimate(), c.estimate() - policy.warnThreshold());
        needed = Math.max(needed, (policy.failThreshold() - policy.warnThreshold()) / 2);
        if (c.floorHalfWidth() > 0 && c.floorHalfWidth() >= needed) return null;
        if (!(halfWidth > needed) || needed <= 0) return Math.max(c.currentN(), c.baselineN());
        double inverseN = 1.0 / c.baselineN() + 1.0 / c.currentN();
        double perRun = 2 / (inverseN * Math.pow(needed / halfWidth, 2));
        return (int) Math.min(MAX_ITERATIONS_ESTIMATE, Math.ceil(perRun));
    }

}
