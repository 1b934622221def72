package dev.perfgate.bench;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PassOrderTest {

    /** Pairs of one kind (which side carries over from the pair before) run part A first half the time, +-1. */
    @Property
    void partOrderIsBalancedWithinEachKindOfPair(@ForAll @IntRange(min = 0, max = 200) int n, @ForAll long seed,
                                                 @ForAll @IntRange(min = 0, max = 2) int before) {
        Boolean previous = before == 2 ? null : before == 1;
        InterleavedRun.PassOrder pass = InterleavedRun.PassOrder.next(n, previous, new SplittableRandom(seed));

        int[] pairs = new int[3];
        int[] partAFirst = new int[3];
        for (int i = 0; i < n; i++) {
            Boolean last = i == 0 ? previous : Boolean.valueOf(pass.aFirst()[i - 1]);
            int kind = last == null || last == pass.aFirst()[i] ? 0 : pass.aFirst()[i] ? 1 : 2;
            pairs[kind]++;
            if (pass.partAFirst()[i]) partAFirst[kind]++;
        }
        for (int k = 0; k < 3; k++) assertThat(Math.abs(2 * partAFirst[k] - pairs[k])).isLessThanOrEqualTo(1);
    }

    /** Half the pairs run A first (+-1), and A and B carry over equally often (+-1): the switches alternate. */
    @Property
    void sidesAreBalanced(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        InterleavedRun.PassOrder pass = InterleavedRun.PassOrder.next(n, null, new SplittableRandom(seed));
        int aFirst = 0;
        int aCarries = 0;
        int bCarries = 0;
        for (int i = 0; i < n; i++) {
            if (pass.aFirst()[i]) aFirst++;
            if (i > 0 && pass.aFirst()[i] != pass.aFirst()[i - 1]) {
                if (pass.aFirst()[i]) aCarries++;
                else bCarries++;
            }
        }
        assertThat(Math.abs(2 * aFirst - n)).isLessThanOrEqualTo(1);
        assertThat(Math.abs(aCarries - bCarries)).isLessThanOrEqualTo(1);
        assertThat(pass.last()).isEqualTo(pass.aFirst()[n - 1]);
    }

    @Property
    void theSameSeedGivesTheSameOrders(@ForAll @IntRange(min = 0, max = 60) int n, @ForAll long seed) {
        InterleavedRun.PassOrder one = InterleavedRun.PassOrder.next(n, true, new SplittableRandom(seed));
        InterleavedRun.PassOrder two = InterleavedRun.PassOrder.next(n, true, new SplittableRandom(seed));
        assertThat(one.aFirst()).isEqualTo(two.aFirst());
        assertThat(one.partAFirst()).isEqualTo(two.partAFirst());
    }
}
