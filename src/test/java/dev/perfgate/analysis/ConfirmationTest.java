package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import org.junit.jupiter.api.Test;

import static dev.perfgate.analysis.LooksTest.samples;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Confirmation}: when an A/B run adds a pass of pairs to confirm what its first pass saw. */
class ConfirmationTest {

    @Test
    void aDecisiveRegressionAndAClearOkAreDecidedByTheFirstPassABorderlineRegressionIsConfirmed() {
        double[] base = samples(30, 1.0, 0);
        Confirmation.Look decisive = Confirmation.look(base, samples(30, 1.3, 1), Direction.LOWER, Policy.DEFAULT, 1);
        assertThat(decisive.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decisive.undecided()).isFalse();
        assertThat(Confirmation.needsMorePairs(base, samples(30, 1.0, 1), Direction.LOWER, Policy.DEFAULT, 1)).isFalse();
        // a regression at the policy's 95 % whose 99 % interval reaches into the warning band: another pass
        assertThat(Confirmation.needsMorePairs(samples(30, 1.0, 0, 0.2), samples(30, 1.16, 1, 0.2), Direction.LOWER,
                Policy.DEFAULT, 1)).isTrue();
    }

    @Test
    void theLookSaysWhatThePairsCouldDetect() {
        Confirmation.Look quiet = Confirmation.look(samples(30, 1.0, 0), samples(30, 1.0, 1), Direction.LOWER,
                Policy.DEFAULT, 1);
        Confirmation.Look noisy = Confirmation.look(samples(30, 1.0, 0, 0.2), samples(30, 1.0, 1, 0.2),
                Direction.LOWER, Policy.DEFAULT, 1);
        assertThat(quiet.detectable()).isPositive().isLessThan(noisy.detectable());
    }
}
