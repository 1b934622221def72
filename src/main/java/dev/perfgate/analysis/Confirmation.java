package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;

/**
 * "Confirm before failing" in an A/B run: after each pass of pairs, whether a benchmark's verdict needs more. It does
 * when it is undecided: inconclusive, or a warning whose interval still reaches past the fail threshold (which
 * includes a regression at the policy's level that does not hold at the share of the error budget this look may
 * spend). A regression that holds at that share is decided: no second pass for a regression already certain. Each
 * look is judged at its share ({@link Looks}) by {@link PairedRule}, on the uncorrected p-value; the final verdict
 * then corrects across benchmarks.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * What one look at a benchmark's pairs says.
     *
     * @param verdict    the verdict the pairs so far support, at this look's share of the error budget
     * @param undecided  true when the verdict needs more pairs to stand
     * @param detectable the smallest change the pairs so far could tell from none ("could detect"); NaN without an
     *                   interval
     */
    public record Look(Verdict verdict, boolean undecided, double detectable) {
    }

    /**
     * @param base      A's samples, pair i at index i
     * @param candidate B's samples
     * @param looks     passes so far
     */
    public static boolean needsMorePairs(double[] base, double[] candidate, Direction direction, Policy policy,
                                         int looks) {
        return look(base, candidate, direction, policy, looks).undecided();
    }

    /** The look after {@code looks} passes; see {@link #needsMorePairs}. */
    public static Look look(double[] base, double[] candidate, Direction direction, Policy policy, int looks) {
        double share = Looks.share(looks, true);
        Sample a = new Sample(base);
        Sample b = new Sample(candidate);
        Comparison c = Comparison.paired(a, b, 1 - policy.alpha());
        Comparison strict = share < 1 ? Comparison.paired(a, b, 1 - policy.alpha() * share) : c;
        RelativeChange bad = Worse.positive(c.change(), direction);
        VerdictRule.Decision d = PairedRule.decide(c, strict, direction, c.pValue(), false, policy, share, looks);
        boolean undecided = switch (d.verdict()) {
            case INCONCLUSIVE -> true;
            // not established at the spent level, or the interval still reaches past the fail threshold
            case WARNING -> bad.high() > policy.failThreshold() || bad.estimate() > policy.failThreshold();
            default -> false; // decided: a regression, ok, an improvement
        };
        return new Look(d.verdict(), undecided, Worse.positive(c.change(), direction).detectable());
    }
}
