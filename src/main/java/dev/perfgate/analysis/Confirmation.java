package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;

/**
 * "Confirm before failing" in an A/B run: after each pass of pairs, whether a benchmark needs more. It does when its
 * first pass says regression (a failure is only ever decided on more than one pass), or when it is undecided:
 * inconclusive, or a warning whose interval still reaches past the fail threshold. Each look is judged at its share
 * of the error budget ({@link Looks}: the first at the full alpha, as it cannot fail) by {@link PairedRule}, on the
 * uncorrected p-value; the final verdict then corrects across benchmarks.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * @param base      A's samples, pair i at index i
     * @param candidate B's samples
     * @param looks     passes so far
     */
    public static boolean needsMorePairs(double[] base, double[] candidate, Direction direction, Policy policy,
                                         int looks) {
        double share = Looks.share(looks, true);
        Sample a = new Sample(base);
        Sample b = new Sample(candidate);
        Comparison c = Comparison.paired(a, b, 1 - policy.alpha());
        Comparison strict = share < 1 ? Comparison.paired(a, b, 1 - policy.alpha() * share) : c;
        RelativeChange bad = Worse.positive(c.change(), direction);
        VerdictRule.Decision d = PairedRule.decide(c, strict, direction, c.pValue(), false, policy, share);
        return switch (d.verdict()) {
            case REGRESSION -> !Looks.mayFail(looks, true);
            case INCONCLUSIVE -> true;
            // not established at the spent level, or the interval still reaches past the fail threshold
            case WARNING -> bad.high() > policy.failThreshold() || bad.estimate() > policy.failThreshold();
            default -> false;
        };
    }
}
