package dev.perfgate.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static final int PAIRS = 120;
    private static final int PER_PASS = 30;

    @Test
    void theWalkStartsAtOneStaysWithinItsBoundsAndIsSharedByBothSides() {
        RandomDataGenerator rng = new RandomDataGenerator(1);
        for (int run = 0; run < 1000; run++) {
            Drift.Path path = Drift.WALK.path(rng, PAIRS, PER_PASS);

            assertThat(path.speedA()[0]).isEqualTo(1.0);
            for (double s : path.speedA()) assertThat(s).isBetween(1 / 1.5 - 1e-12, 1.5 + 1e-12);
            assertThat(path.speedB()).containsExactly(path.speedA());
        }
    }

    @Test
    void eachPassRunsHalfThePairsAFirst() {
        Drift.Path path = Drift.WALK.path(new RandomDataGenerator(2), PAIRS, PER_PASS);

        for (int start = 0; start < PAIRS; start += PER_PASS) {
            int aFirst = 0;
            for (int i = start; i < start + PER_PASS; i++) aFirst += path.aFirst()[i] ? 1 : 0;
            assertThat(aFirst).as("pass from pair %d", start).isEqualTo(PER_PASS / 2);
        }
    }

    /** After the step every iteration is 1.5x slower; the pair it falls in, if any, is the only unlike one. */
    @Test
    void theStepSlowsEverythingAfterItAndSplitsAtMostOnePair() {
        RandomDataGenerator rng = new RandomDataGenerator(3);
        int split = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            Drift.Path path = Drift.WALK_AND_STEP.path(rng, PAIRS, PER_PASS);
            int unlike = 0;
            for (int i = 0; i < PAIRS; i++) {
                double ratio = path.speedB()[i] / path.speedA()[i];
                if (Math.abs(ratio - 1) > 1e-12) {
                    unlike++;
                    double later = path.aFirst()[i] ? path.speedB()[i] : path.speedA()[i];
                    double earlier = path.aFirst()[i] ? path.speedA()[i] : path.speedB()[i];
                    assertThat(later / earlier).isCloseTo(Drift.STEP, within(1e-12));
                }
            }
            assertThat(unlike).isLessThanOrEqualTo(1);
            assertThat(path.speedA()[PAIRS - 1]).isGreaterThan(1 / 1.5 * Drift.STEP - 1e-12);
            split += unlike;
        }
        // the step falls at one of 2 x 30 iterations of pass 1, between the sides of a pair at 30 of them
        assertThat((double) split / runs).isCloseTo(0.5, within(0.03));
    }
}
