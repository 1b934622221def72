package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfgate.model.Direction;

/** Short histories (issue 22, item 8): the shortest clean steps are found, and false alarms stay rare. */
class ChangePointsShortHistoryTest {

    @ParameterizedTest
    @CsvSource({"5, 10", "10, 5", "5, 9", "6, 8", "7, 7"})
    void aPerfectlySeparatedStepWithFiveRunsOnEachSideIsFound(int before, int after) {
        // before issue 22 (alpha 0.001) none of these was found; 8 + 8 was the shortest
        assertThat(ChangePoints.DEFAULT.find(ChangePointShortHistory.perfect(before, after), Direction.LOWER))
                .extracting(ChangePoint::index).containsExactly(before);
    }

    @Test
    void fewerThanFiveRunsOnASideIsNotEnough() {
        assertThat(ChangePoints.DEFAULT.find(ChangePointShortHistory.perfect(4, 12), Direction.LOWER)).isEmpty();
        assertThat(ChangePoints.MIN_RUNS_EACH_SIDE).isEqualTo(5);
    }

    @Test
    void stationaryShortHistoriesRarelyShowAShift() {
        // alpha 0.005 family-wise per series; the product's goal is at most 1 % of series with a false change point
        for (int n : new int[]{12, 16, 30}) {
            assertThat(ChangePointShortHistory.falseAlarms(ChangePoints.DEFAULT, n, 1000, 99)).as("%d runs", n)
                    .isLessThanOrEqualTo(10);
        }
    }
}
