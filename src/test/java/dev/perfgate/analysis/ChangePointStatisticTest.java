package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ChangePointStatisticTest {

    @Test
    void tiedValuesShareTheirDoubledMidRank() {
        // sorted 1, 2, 3, 3: ranks 1, 2 and (3 + 4) / 2 = 3.5 for both 3s; doubled 2, 4, 7
        assertThat(ChangePointStatistic.doubledRanks(new double[] {9, 3, 1, 3, 2}, 1, 5))
                .containsExactly(7, 2, 7, 4);
    }

    @Test
    void theStatisticMatchesAHandComputation() {
        // ranks/4 = .25 .5 | .75 1: between-sum 2, within .25 each side;
        // E = 2*2/(2*2) - 2*.25/(2*1) - 2*.25/(2*1) = 0.5; Q = 2*2/4 * E = 0.5
        ChangePointStatistic.Split split = new ChangePointStatistic(4).best(
                ChangePointStatistic.doubledRanks(new double[] {1, 2, 10, 11}, 0, 4), 2);
        assertThat(split.left()).isEqualTo(2);
        assertThat(split.statistic()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theBestSplitIsAtTheShift() {
        double[] values = {5, 4, 6, 5, 4, 5, 6, 20, 21, 19, 22, 20, 21};
        ChangePointStatistic.Split split = new ChangePointStatistic(13).best(
                ChangePointStatistic.doubledRanks(values, 0, values.length), 3);
        assertThat(split.left()).isEqualTo(7);
    }

    @Test
    void aPerfectSeparationOfFiveAndFiveHasItsExactPermutationPValue() {
        // 10 values, both sides 5: only 2 of the C(10,5) = 252 orders separate them completely, p = 2/252
        ChangePointSettings settings = new ChangePointSettings(10, 5, 0.001, 10_000, 7);
        ChangePointStatistic.Split split = new ChangePointStatistic(10).best(
                ChangePointStatistic.doubledRanks(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10), 5);
        double p = ChangePointNull.of(10, settings).pValue(split.statistic());
        assertThat(p).isCloseTo(2.0 / 252, within(0.002)); // Monte Carlo error of 10,000 permutations: ~0.0009
    }

    @Test
    void pValuesFallAsTheStatisticGrowsAndStayPositive() {
        ChangePointNull table = ChangePointNull.of(100, ChangePointSettings.DEFAULT);
        double previous = 1.0;
        for (double statistic = -1; statistic <= 12; statistic += 0.25) {
            double p = table.pValue(statistic);
            assertThat(p).isPositive().isLessThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(table.pValue(-1)).isEqualTo(1.0); // the U-statistic form can be slightly negative
    }

    @Test
    void randomOrdersAreRarelySignificant() {
        ChangePointSettings settings = ChangePointSettings.DEFAULT;
        ChangePointStatistic statistic = new ChangePointStatistic(100);
        SplittableRandom random = new SplittableRandom(99);
        int below = 0;
        for (int t = 0; t < 1000; t++) {
            double[] values = random.doubles(100).toArray();
            double s = statistic.best(ChangePointStatistic.doubledRanks(values, 0, 100), 5).statistic();
            if (ChangePointNull.of(100, settings).pValue(s) <= 0.05) below++;
        }
        assertThat(below).isBetween(30, 70); // a calibrated test: about 50 of 1,000 at level 0.05
    }

    @Test
    void tableLengthsAreRoundedUpToAGridCappedByTheWindow() {
        ChangePointSettings settings = ChangePointSettings.DEFAULT;
        assertThat(ChangePointNull.tableLength(10, settings)).isEqualTo(10);
        assertThat(ChangePointNull.tableLength(11, settings)).isEqualTo(13); // 12.5 rounds to 13
        assertThat(ChangePointNull.tableLength(90, settings)).isEqualTo(93);
        assertThat(ChangePointNull.tableLength(95, settings)).isEqualTo(100);
        assertThat(ChangePointNull.tableLength(100, settings)).isEqualTo(100);
    }
}
