package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.Direction;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link VerdictRule} for a benchmark an A/B run looked at {@link Looks several times}. Only a failure needs the
 * spent share of the error budget: a regression must hold at the stricter level ({@code 1 - alpha * share}) its
 * passes allow. Every other verdict (ok, warning, inconclusive, improvement) is no error of the gate's, so it is
 * decided, and the interval reported, at the policy's own level: looking again must not make a comparison read
 * as less sure than it is.
 */
final class PairedRule {

    private PairedRule() {
    }

    /**
     * @param standard the comparison at the policy's confidence level
     * @param strict   the same pairs at {@code 1 - alpha * share}; may be {@code standard} when the share is 1
     * @param pValue   the test's p-value after the correction across benchmarks
     * @param looks    the passes of pairs the comparison rests on
     */
    static VerdictRule.Decision decide(Comparison standard, Comparison strict, Direction direction, double pValue,
                                       boolean quick, Policy policy, double share, int looks) {
        VerdictRule.Decision d = VerdictRule.decide(change(standard, direction, pValue), quick, policy);
        if (d.verdict() != Verdict.REGRESSION || share >= 1) return d;
        RelativeChange s = Worse.positive(strict.change(), direction);
        VerdictRule.Decision confirmed = VerdictRule.decide(change(strict, direction, pValue), quick, policy, share);
        String level = String.format(Locale.ROOT, "%.1f%%", 100 * (1 - policy.alpha() * share))
                + (looks == 1 ? " level a first look allows" : " level its passes allow");
        if (confirmed.verdict() == Verdict.REGRESSION) {
            return new VerdictRule.Decision(Verdict.REGRESSION, List.of("established at the " + level + ": "
                    + Numbers.interval(s.low(), s.high())), null);
        }
        List<String> notes = new ArrayList<>(confirmed.notes());
        notes.add(0, "a regression at the policy's level, but not at the " + level + " ("
                + Numbers.interval(s.low(), s.high()) + ", " + Numbers.pIs(pValue) + "): not established"
                + (looks == 1 ? "; the run had no time or pairs left for another pass" : ""));
        return new VerdictRule.Decision(Verdict.WARNING, notes, confirmed.iterationsToDecide());
    }

    private static VerdictRule.Change change(Comparison c, Direction direction, double pValue) {
        return VerdictRule.Change.of(Worse.positive(c.change(), direction), pValue, c);
    }
}
