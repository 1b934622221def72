package dev.perfgate.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

import dev.perfgate.analysis.Verdict;

class AbSimulationTest {

    @Test
    void aClearRegressionFailsOnTheFirstPassWithoutAnother() {
        AbSimulation.Outcome o = AbSimulation.run(SyntheticShape.TIGHT_LOGNORMAL, 0.30, Drift.WALK,
                new RandomDataGenerator(1));

        assertThat(o.paired()).isEqualTo(Verdict.REGRESSION);
        assertThat(o.pairs()).isEqualTo(AbSimulation.PER_PASS);
        assertThat(o.unpairedFirstPass()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void noChangeOnAQuietShapeIsDecidedByTheFirstPass() {
        AbSimulation.Outcome o = AbSimulation.run(SyntheticShape.TIGHT_LOGNORMAL, 0, Drift.WALK_AND_STEP,
                new RandomDataGenerator(2));

        assertThat(o.paired()).isEqualTo(Verdict.OK);
        assertThat(o.pairs()).isEqualTo(AbSimulation.PER_PASS);
    }

    @Test
    void anUndecidedBenchmarkGetsPassesUpToTheBudget() {
        AbSimulation.Outcome o = AbSimulation.run(SyntheticShape.VERY_WIDE, 0.10, Drift.WALK,
                new RandomDataGenerator(3));

        assertThat(o.pairs()).isEqualTo(AbSimulation.MAX_PAIRS);
    }

    @Test
    void theSameSeedPlaysTheSameRun() {
        AbSimulation.Outcome first = AbSimulation.run(SyntheticShape.STALLS, 0.10, Drift.WALK_AND_STEP,
                new RandomDataGenerator(4));
        AbSimulation.Outcome again = AbSimulation.run(SyntheticShape.STALLS, 0.10, Drift.WALK_AND_STEP,
                new RandomDataGenerator(4));

        assertThat(again).isEqualTo(first);
    }
}
