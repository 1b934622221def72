package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.model.Direction;

class ExactStepsTest {

    @Test
    void aCounterThatChangedAndStayedIsAStepFromItsFirstRun() {
        double[] buffers = {11, 11, 11, 11, 16};
        List<ChangePoint> steps = ExactSteps.find(buffers, List.of("a", "b", "c", "d", "e"), Direction.LOWER);
        assertThat(steps).hasSize(1);
        ChangePoint step = steps.get(0);
        assertThat(step.index()).isEqualTo(4);
        assertThat(step.commit()).isEqualTo("e");
        assertThat(step.change()).isCloseTo(16.0 / 11 - 1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(step.medianBefore()).isEqualTo(11);
        assertThat(step.medianAfter()).isEqualTo(16);
    }

    @Test
    void severalStepsAndUncountedRuns() {
        double[] buffers = {11, Double.NaN, 11, 16, 16, Double.NaN, 9};
        List<ChangePoint> steps = ExactSteps.find(buffers, null, Direction.LOWER);
        assertThat(steps).extracting(ChangePoint::index).containsExactly(3, 6);
        assertThat(steps.get(1).change()).isNegative(); // fewer buffers: better
    }

    @Test
    void aFlappingOrNoisyCounterIsNotExact() {
        assertThat(ExactSteps.find(new double[]{11, 16, 11, 11}, null, Direction.LOWER)).isNull();
        assertThat(ExactSteps.find(new double[]{10.2, 10.7, 9.9, 10.1}, null, Direction.LOWER)).isNull();
    }

    @Test
    void aConstantOrShortSeriesHasNoStep() {
        assertThat(ExactSteps.find(new double[]{11, 11, 11}, null, Direction.LOWER)).isEmpty();
        assertThat(ExactSteps.find(new double[]{11}, null, Direction.LOWER)).isEmpty();
        assertThat(ExactSteps.find(new double[]{Double.NaN, Double.NaN}, null, Direction.LOWER)).isEmpty();
    }
}
