package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import org.junit.jupiter.api.Test;

import static dev.perfgate.analysis.LooksTest.samples;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Confirmation}: when an A/B run adds a pass of pairs to confirm what its first pass saw. */
class ConfirmationTest {

    @Test
    void aFirstPassThatLooksLikeARegressionIsConfirmedAndAClearOkIsNot() {
        double[] base = samples(30, 1.0, 0);
        assertThat(Confirmation.needsMorePairs(base, samples(30, 1.3, 1), Direction.LOWER, Policy.DEFAULT, 1)).isTrue();
        assertThat(Confirmation.needsMorePairs(base, samples(30, 1.0, 1), Direction.LOWER, Policy.DEFAULT, 1)).isFalse();
        // after a second pass a regression this clear is established: no more pairs
        assertThat(Confirmation.needsMorePairs(samples(60, 1.0, 0), samples(60, 1.3, 1), Direction.LOWER,
                Policy.DEFAULT, 2)).isFalse();
    }
}
