package dev.perfgate.analysis;

import static dev.perfgate.analysis.ChangePointSeries.commits;
import static dev.perfgate.analysis.ChangePointSeries.lognormal;
import static dev.perfgate.analysis.ChangePointSeries.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfgate.model.Direction;

class ChangePointsTest {

    private final ChangePoints changePoints = ChangePoints.DEFAULT;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aShiftInjectedAtAKnownCommitIsFoundThereWithItsSize(long seed) {
        double[] values = shift(lognormal(300, 1.2, 0.03, seed), 180, 1.15);
        List<String> commits = commits(300);

        List<ChangePoint> found = changePoints.find(values, commits, Direction.LOWER);

        assertThat(found).hasSize(1);
        ChangePoint cp = found.get(0);
        assertThat(cp.index()).isBetween(179, 181);
        assertThat(cp.commit()).isEqualTo(commits.get(cp.index()));
        assertThat(cp.change()).isCloseTo(0.15, within(0.02));
        assertThat(cp.medianBefore()).isCloseTo(1.2, within(0.01));
        assertThat(cp.pValue()).isLessThanOrEqualTo(ChangePointSettings.DEFAULT.alpha());
    }

    @Test
    void aSlowDriftOfSmallStepsIsCaughtStepByStep() {
        // 4 steps of +4 % every 50 runs on 2 % noise: no single step comes near a 10 % threshold. A 2-sigma step
        // cannot always be placed to the run: even the maximum-likelihood split of a 50-run window centred on it
        // is within 1 run 84 % of the time and within 5 runs 98.7 % (measured, 4,000 steps; ours: the same).
        // So: every step found and named, within 6 runs, most within 1.
        int[] steps = {100, 150, 200, 250};
        List<String> commits = commits(350);
        int withinOne = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] values = lognormal(350, 1.0, 0.02, seed);
            for (int step : steps) shift(values, step, 1.04);

            List<ChangePoint> found = changePoints.find(values, commits, Direction.LOWER);

            assertThat(found).as("seed %d", seed).hasSize(4);
            for (int i = 0; i < 4; i++) {
                ChangePoint cp = found.get(i);
                assertThat(cp.index()).as("seed %d", seed).isBetween(steps[i] - 6, steps[i] + 6);
                assertThat(cp.commit()).isEqualTo(commits.get(cp.index()));
                assertThat(cp.change()).isCloseTo(0.04, within(0.015));
                if (Math.abs(cp.index() - steps[i]) <= 1) withinOne++;
            }
        }
        assertThat(withinOne).isGreaterThanOrEqualTo(60); // of 80; 84 % would be 67
    }

    @Test
    void higherIsBetterCountsADropAsWorse() {
        double[] speedup = shift(lognormal(200, 2.0, 0.02, 21), 120, 0.85);

        ChangePoint drop = changePoints.find(speedup, Direction.HIGHER).get(0);
        ChangePoint sameAsLatency = changePoints.find(speedup, Direction.LOWER).get(0);

        assertThat(drop.change()).isCloseTo(0.15, within(0.015)); // 1 - 0.85: worse
        assertThat(sameAsLatency.change()).isCloseTo(-0.15, within(0.015)); // a latency that fell: better
        assertThat(drop.commit()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 9})
    void aSeriesShorterThanTwoMinimumSegmentsHasNoChangePoint(int n) {
        double[] values = shift(lognormal(n, 1, 0.01, 3), n / 2, 3.0);
        assertThat(changePoints.find(values, commits(n), Direction.LOWER)).isEmpty();
    }

    @Test
    void aSeriesOfTwoMinimumSegmentsIsAnalysedWithoutError() {
        // 5 + 5 runs: even a perfect separation has p = 2/252 under permutation, too weak for alpha 0.005
        double[] values = shift(lognormal(10, 1, 0.01, 3), 5, 3.0);
        assertThat(changePoints.find(values, Direction.LOWER)).isEmpty();
    }

    @Test
    void aConstantSeriesHasNoChangePoint() {
        double[] values = new double[500];
        Arrays.fill(values, 4.25);
        assertThat(changePoints.find(values, Direction.LOWER)).isEmpty();
    }

    @Test
    void aStepBetweenTwoConstantLevelsIsFoundDespiteTheTies() {
        double[] values = new double[200];
        Arrays.fill(values, 0, 100, 1.0);
        Arrays.fill(values, 100, 200, 2.0);

        List<ChangePoint> found = changePoints.find(values, Direction.LOWER);

        assertThat(found).singleElement().satisfies(cp -> {
            assertThat(cp.index()).isEqualTo(100);
            assertThat(cp.change()).isEqualTo(1.0);
        });
    }

    @Test
    void aZeroMedianBeforeGivesAnUnknownChange() {
        double[] values = new double[100];
        Arrays.fill(values, 50, 100, 1.0);
        assertThat(changePoints.find(values, Direction.LOWER)).singleElement()
                .satisfies(cp -> assertThat(cp.change()).isNaN());
    }

    @Test
    void theSameSeriesGivesTheSameAnswer() {
        double[] values = shift(lognormal(1000, 1, 0.05, 31), 400, 1.2);
        assertThat(changePoints.find(values, Direction.LOWER)).isEqualTo(changePoints.find(values, Direction.LOWER));
    }

    @Test
    void badInputIsRejectedWithTheRunNamed() {
        double[] values = lognormal(20, 1, 0.05, 1);
        values[7] = Double.NaN;
        assertThatThrownBy(() -> changePoints.find(values, Direction.LOWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run 7");
        assertThatThrownBy(() -> changePoints.find(lognormal(20, 1, 0.05, 1), commits(19), Direction.LOWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("19 commits for 20 values");
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        ChangePointSettings d = ChangePointSettings.DEFAULT;
        assertThatThrownBy(() -> d.withMinSegment(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withWindowLength(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withAlpha(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
