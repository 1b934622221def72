package dev.perfgate.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Hodges-Lehmann shift of two small samples and whether its interval excludes zero. */
class MedianShiftTest {

    private static final double[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @ParameterizedTest(name = "+{0}: shift {0}, stands out {1}")
    @CsvSource({
            // added to every value; stands out at 95 %? (hand: the differences are c - 9 ... c + 9, 100 of them;
            // the 95 % rank k = floor(50.5 - 1.96 * sqrt(10 * 10 * 21 / 12)) = 24, so the interval is c -/+ 3)
            "0,  false",
            "2,  false",
            "4,  true",
            "20, true",
    })
    void aConstantAddedToEveryValueIsTheShift(double c, boolean standsOut) {
        double[] current = TEN.clone();
        for (int i = 0; i < current.length; i++) current[i] += c;
        MedianShift.Shift s = MedianShift.of(TEN, current, 0.95);
        assertThat(s.shift()).isCloseTo(c, within(1e-12));
        assertThat(s.noise()).isCloseTo(3.0, within(1e-12)); // c minus the 24th smallest difference, c - 3
        assertThat(s.standsOut()).isEqualTo(standsOut);
    }

    @Test
    void oneStallMovesNeitherTheShiftNorItsNoise() {
        double[] stalled = TEN.clone();
        stalled[9] = 1000;
        MedianShift.Shift clean = MedianShift.of(TEN, TEN, 0.95);
        MedianShift.Shift withStall = MedianShift.of(TEN, stalled, 0.95);
        assertThat(withStall.shift()).isCloseTo(clean.shift(), within(1.0));
        assertThat(withStall.standsOut()).isFalse();
    }

    @Test
    void tooFewValuesForTheConfidenceHaveNoNoise() {
        assertThat(MedianShift.of(new double[]{1}, new double[]{2}, 0.95).noise()).isNaN();
        assertThat(MedianShift.median(new double[]{3, 1, 2})).isEqualTo(2);
        assertThat(MedianShift.median(new double[]{4, 1, 2, 3})).isEqualTo(2.5);
    }
}
