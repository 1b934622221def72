package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import org.junit.jupiter.api.Test;

import static dev.perfgate.analysis.LooksTest.samples;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link PairAllocation}: pairs where they are cheap, no pass a decided benchmark does not need, and why it stopped. */
class PairAllocationTest {

    private static PairAllocation allocation(int maxPairs, Double detect) {
        return new PairAllocation(new PairAllocation.Plan(40, maxPairs, 1.0, detect), Direction.LOWER, Policy.DEFAULT);
    }

    @Test
    void theFirstPassBuysWhatTheLookTimeBuysAtLeastTheIterationsAndAtMostHalfThePairBudget() {
        PairAllocation a = allocation(4000, null);
        assertThat(a.firstPass(0.0004, 60)).as("0.4 ms a pair: 2,500 fit in a second").isEqualTo(2000);
        assertThat(a.firstPass(0.001, 60)).isEqualTo(1000);
        assertThat(a.firstPass(0.08, 60)).as("80 ms a pair: the iterations").isEqualTo(40);
        assertThat(a.firstPass(0.001, 0.2)).as("the benchmark's share of the time left").isEqualTo(200);
        assertThat(a.firstPass(0, 60)).as("cost unknown").isEqualTo(40);
        assertThat(allocation(120, null).firstPass(0.0001, 60)).isEqualTo(60);
    }

    @Test
    void aDecidedBenchmarkStopsAndOneWithATargetStopsWhenItIsReached() {
        double[] base = samples(40, 1.0, 0);
        double[] same = samples(40, 1.0, 1);
        assertThat(allocation(4000, null).next(base, same, 1, 40, 0.001, 60))
                .isEqualTo(new PairAllocation.Next(0, PairAllocation.Stop.DECIDED));
        double reached = Confirmation.look(base, same, Direction.LOWER, Policy.DEFAULT, 1).detectable();
        assertThat(allocation(4000, reached * 1.01).next(base, same, 1, 40, 0.001, 60))
                .isEqualTo(new PairAllocation.Next(0, PairAllocation.Stop.REACHED));
    }

    @Test
    void aBenchmarkShortOfItsTargetGetsThePairsTheSquareRootLawAsksFor() {
        double[] base = samples(40, 1.0, 0);
        double[] same = samples(40, 1.0, 1);
        double reached = Confirmation.look(base, same, Direction.LOWER, Policy.DEFAULT, 1).detectable();
        PairAllocation.Next next = allocation(4000, reached / 2).next(base, same, 1, 40, 0.001, 60);
        // half the width takes four times the pairs, with the margin: 40 * 4 * 1.15 = 184 in all, 144 more
        assertThat(next.stop()).isNull();
        assertThat(next.pairs()).isBetween(140, 150);
        assertThat(allocation(100, reached / 2).next(base, same, 1, 40, 0.001, 60).pairs())
                .as("within the pair budget").isEqualTo(60);
        assertThat(allocation(4000, reached / 2).next(base, same, 1, 40, 0.001, 0.05).pairs())
                .as("within the time left: 50 pairs at 1 ms").isEqualTo(50);
    }

    @Test
    void aCertainRegressionGetsNoMorePairsEvenShortOfItsTarget() {
        PairAllocation.Next next = allocation(4000, 0.0001).next(samples(40, 1.0, 0), samples(40, 1.3, 1), 1, 40,
                0.001, 60);
        assertThat(next).isEqualTo(new PairAllocation.Next(0, PairAllocation.Stop.DECIDED));
    }

    @Test
    void anUndecidedBenchmarkGetsAnotherFirstPassUntilPairsOrTimeRunOut() {
        double[] base = samples(40, 1.0, 0, 0.2);
        double[] borderline = samples(40, 1.16, 1, 0.2);
        assertThat(Confirmation.look(base, borderline, Direction.LOWER, Policy.DEFAULT, 1).undecided()).isTrue();
        assertThat(allocation(4000, null).next(base, borderline, 1, 300, 0.001, 60).pairs()).isEqualTo(300);
        assertThat(allocation(45, null).next(base, borderline, 1, 40, 0.001, 60))
                .as("room for 5 pairs, fewer than a quarter of the iterations")
                .isEqualTo(new PairAllocation.Next(0, PairAllocation.Stop.OUT_OF_PAIRS));
        assertThat(allocation(4000, null).next(base, borderline, 1, 40, 0.001, 0.005))
                .as("time for 5 pairs").isEqualTo(new PairAllocation.Next(0, PairAllocation.Stop.OUT_OF_TIME));
    }
}
