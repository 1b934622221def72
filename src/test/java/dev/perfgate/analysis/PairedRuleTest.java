package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision table of {@link PairedRule} under the default policy (fail 10 %, warn 5 %, alpha 0.05, p cap 0.01):
 * only a regression is re-judged at the stricter level its share of the error budget allows. Each expected verdict
 * is worked out by hand from {@link VerdictRule}'s steps, as the comment on its row says.
 */
class PairedRuleTest {

    @ParameterizedTest(name = "{0} -> {10}")
    @CsvSource({
            // case,                          dir,    est,   low,   high, strict low, strict high, p,  quick, share, verdict
            // share 1 is VerdictRule itself: est > F, low > W, p < 0.01
            "share 1: the policy's rule,       LOWER,  0.30,  0.25,  0.35,  0.25,  0.35,  1e-9,  false, 1,   REGRESSION",
            // stricter level (alpha 0.02, cap 0.004): low 0.22 > W, p far below both
            "holds at the stricter level,      LOWER,  0.30,  0.25,  0.35,  0.22,  0.38,  1e-9,  false, 0.4, REGRESSION",
            // policy level: low 0.06 > W; stricter interval starts at 0.04 < W: not established, est > F: warning
            "strict interval reaches the band, LOWER,  0.12,  0.06,  0.18,  0.04,  0.20,  1e-6,  false, 0.4, WARNING",
            // p 0.005 < cap 0.01, but not < cap * share = 0.004: not established, est > F: warning
            "p clears the cap not its share,   LOWER,  0.30,  0.20,  0.40,  0.18,  0.42,  0.005, false, 0.4, WARNING",
            // est 0.07 in the warn band, low 0.055 > W: warning at the policy's level; the strict interval
            // (0 to 0.14, inconclusive at that level) is never consulted for a verdict that is not a regression
            "warning is judged at policy level, LOWER, 0.07,  0.055, 0.09,  0.00,  0.14,  1e-6,  false, 0.2, WARNING",
            // est 0.01 within W, high 0.03 < F: ok, whatever the share
            "ok stays ok,                      LOWER,  0.01, -0.01,  0.03, -0.03,  0.05,  0.4,   false, 0.1, OK",
            // higher is better: a 30 % drop is +0.30 worse [0.25, 0.35]; strict [0.23, 0.37] still clears W
            "higher is better: a drop,         HIGHER, -0.30, -0.35, -0.25, -0.37, -0.23, 1e-9,  false, 0.4, REGRESSION",
            // higher is better: a 20 % rise is -0.20 worse [-0.25, -0.15]: significant, est < -W, high < 0
            "higher is better: a rise,         HIGHER, 0.20,  0.15,  0.25,  0.13,  0.27,  1e-9,  false, 0.4, IMPROVEMENT",
            // quick: policy level low 0.15 > F fails; strict low 0.08 <= F does not: warning
            "quick: strict must clear F too,   LOWER,  0.30,  0.15,  0.45,  0.08,  0.52,  1e-6,  true,  0.4, WARNING",
            // VerdictRule step 1: no interval, no verdict
            "no interval,                      LOWER,  NaN,   NaN,   NaN,   NaN,   NaN,   NaN,   false, 0.4, INCONCLUSIVE",
    })
    void decidesByTable(String name, Direction direction, double estimate, double low, double high, double strictLow,
                        double strictHigh, double p, boolean quick, double share, Verdict expected) {
        VerdictRule.Decision d = PairedRule.decide(comparison(estimate, low, high), comparison(estimate, strictLow,
                strictHigh), direction, p, quick, Policy.DEFAULT, share, 2);
        assertThat(d.verdict()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "share {0}: {1}")
    @CsvSource({
            "0.2, 1, 99.0% level a first look allows",   // 1 - 0.05 * 0.2: the first look (Looks.share(1, true))
            "0.3, 2, 98.5% level its passes allow",      // 1 - 0.05 * 0.3: the second look
            "0.15, 3, 99.3% level its passes allow",     // 1 - 0.05 * 0.15: the third
    })
    void anEstablishedRegressionNamesTheLevelAndTheStricterInterval(double share, int looks, String level) {
        VerdictRule.Decision d = PairedRule.decide(comparison(0.30, 0.25, 0.35), comparison(0.30, 0.22, 0.38),
                Direction.LOWER, 1e-9, false, Policy.DEFAULT, share, looks);
        assertThat(d.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(d.notes()).containsExactly("established at the " + level + ": [+22.0%, +38.0%]");
        assertThat(d.iterationsToDecide()).isNull();
    }

    @Test
    void aRegressionNotEstablishedAtTheStricterLevelSaysWhyFirst() {
        VerdictRule.Decision d = PairedRule.decide(comparison(0.12, 0.06, 0.18), comparison(0.12, 0.04, 0.20),
                Direction.LOWER, 0.0005, false, Policy.DEFAULT, 0.4, 2);
        assertThat(d.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(d.notes().get(0)).isEqualTo("a regression at the policy's level, but not at the 98.0% level its "
                + "passes allow ([+4.0%, +20.0%], p < 0.001): not established");
        // then VerdictRule's own reason at that level: the interval reaches into the ±5 % band
        assertThat(d.notes().get(1)).isEqualTo("worse by +12.0%, but the interval (+4.0% to +20.0%) reaches into the "
                + "±5% band: not established as a regression");
        // half-width 0.08, needed max(0.10 - 0.12, 0.12 - 0.05, 0.025) = 0.07: 2 / ((1/40 + 1/40) (0.07/0.08)^2)
        assertThat(d.iterationsToDecide()).isEqualTo((int) Math.ceil(2 / (0.05 * Math.pow(0.07 / 0.08, 2))));
    }

    @Test
    void aHigherIsBetterIntervalIsReportedWorseIsPositive() {
        VerdictRule.Decision d = PairedRule.decide(comparison(-0.30, -0.35, -0.25), comparison(-0.30, -0.37, -0.23),
                Direction.HIGHER, 1e-9, false, Policy.DEFAULT, 0.4, 2);
        // the strict interval [-0.37, -0.23] of the ratio is [+23 %, +37 %] worse
        assertThat(d.notes()).isEqualTo(List.of("established at the 98.0% level its passes allow: [+23.0%, +37.0%]"));
    }

    /** A paired comparison of 40 pairs with the given change and interval. */
    private static Comparison comparison(double estimate, double low, double high) {
        return new Comparison(new RelativeChange(estimate, low, high, 0.95), 0.5,
                Comparison.Method.WILCOXON_SIGNED_RANK, 40, 40, List.of());
    }
}
