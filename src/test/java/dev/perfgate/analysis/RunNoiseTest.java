package dev.perfgate.analysis;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.RelativeChange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunNoiseTest {

    @Test
    void theNoiseIsAnUpperConfidenceBoundOnTheStandardDeviationOfLogMedians() {
        // hand computation: logs 0, .1, -.1, .2, -.2 -> mean 0, sum of squares .1, s = sqrt(.1 / 4) = .158114;
        // chi-square(4) 5 % quantile 0.710723 (R: qchisq(0.05, 4)) -> factor sqrt(4 / 0.710723) = 2.372329
        double[] medians = {1, Math.exp(0.1), Math.exp(-0.1), Math.exp(0.2), Math.exp(-0.2)};
        assertThat(RunNoise.pointEstimate(medians)).isCloseTo(0.158114, within(1e-6));
        assertThat(RunNoise.upperBound(medians)).isCloseTo(0.158114 * 2.372329, within(1e-5));
        assertThat(RunNoise.upperBound(new double[]{1, 2, 3, 4})).isNaN();
    }

    @Test
    void theBoundTightensAsTheHistoryGrows() {
        // R: sqrt(29 / qchisq(0.05, 29)) = 1.280; sqrt(9 / qchisq(0.05, 9)) = 1.645
        assertThat(RunNoise.boundFactor(30)).isCloseTo(1.2801, within(1e-3));
        assertThat(RunNoise.boundFactor(10)).isCloseTo(1.6452, within(1e-3));
        assertThat(RunNoise.boundFactor(5)).isGreaterThan(RunNoise.boundFactor(10));
    }

    @Test
    void onlyTheLastThirtyRunsCount() {
        double[] medians = new double[40];
        for (int i = 0; i < 40; i++) medians[i] = i < 10 ? Math.exp(i % 2 == 0 ? 1 : -1) : 1;
        assertThat(RunNoise.upperBound(medians)).isZero();
    }

    @Test
    void aFastAcceptedRunAmongSlowerOnesDoesNotMakeTheNextUnchangedRunFail() {
        // issue 22: the accepted run was a fast one, the four runs after it agreed closely with each other, and the
        // fifth check, the first judged with noise from the history, failed unchanged code at +32 %. The old robust
        // point estimate (1.4826 * MAD of the logs) read only 2.2 % from these five; the bound reads 30 %.
        double[] history = {1.0, 1.30, 1.33, 1.31, 1.35};
        double sigma = RunNoise.upperBound(history);
        assertThat(sigma).isGreaterThan(0.25);
        BenchmarkComparison b = RegressionCheck.compare(run(1.0), run(1.32), Policy.DEFAULT, Map.of("q", sigma))
                .benchmarks().get(0);
        assertThat(b.verdict()).isNotEqualTo(Verdict.REGRESSION);
        double madOfLogs = 1.4826 * 0.01515; // logs 0, .262, .285, .270, .300: median .270, MAD .01515
        assertThat(RegressionCheck.compare(run(1.0), run(1.32), Policy.DEFAULT, Map.of("q", madOfLogs))
                .benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION); // what happened before
    }

    @Test
    void widenedIntervalCoversTwoRunsOfNoise() {
        RelativeChange tight = new RelativeChange(0.20, 0.18, 0.22, 0.95);
        RelativeChange wide = tight.coveringRunNoise(0.1);
        // hand computation: half-width 1.959964 * sqrt(2) * 0.1 = 0.277181 on the log scale around log(1.2)
        assertThat(wide.low()).isCloseTo(Math.expm1(Math.log(1.2) - 0.277181), within(1e-5));
        assertThat(wide.high()).isCloseTo(Math.expm1(Math.log(1.2) + 0.277181), within(1e-5));
        assertThat(tight.coveringRunNoise(0.001)).isEqualTo(tight);
        assertThat(tight.coveringRunNoise(Double.NaN)).isEqualTo(tight);
    }

    @Test
    void aChangeWithinTheRunToRunNoiseIsNotARegression() {
        RunResult base = run(1.0);
        RunResult cur = run(1.2);
        assertThat(RegressionCheck.compare(base, cur, Policy.DEFAULT).benchmarks().get(0).verdict())
                .isEqualTo(Verdict.REGRESSION);
        BenchmarkComparison noisy = RegressionCheck.compare(base, cur, Policy.DEFAULT, Map.of("q", 0.1))
                .benchmarks().get(0);
        assertThat(noisy.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(noisy.notes()).anyMatch(n -> n.contains("run-to-run noise of ±10.5% between runs' medians"));
        BenchmarkComparison quiet = RegressionCheck.compare(base, cur, Policy.DEFAULT, Map.of("q", 0.01))
                .benchmarks().get(0);
        assertThat(quiet.verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void rightAfterABaselineIsAcceptedUnchangedCodeOnANoisyMachineDoesNotFail() {
        // measured on a shared 2-core VM: a re-run of unchanged code read +52.7 % and failed 3 of 7 times with the
        // old 10 % prior; the 25 % prior every check assumes until its history measures the noise covers it
        RunResult base = run(1.0);
        RunResult rerun = run(1.527);
        BenchmarkComparison b = RegressionCheck.compare(base, rerun, Policy.DEFAULT, Map.of("q", Math.log1p(0.25)))
                .benchmarks().get(0);
        assertThat(b.verdict()).isNotEqualTo(Verdict.REGRESSION);
        assertThat(b.detectable()).isGreaterThan(0.8); // and it says how little such a comparison can see
        assertThat(RegressionCheck.compare(base, run(2.3), Policy.DEFAULT, Map.of("q", Math.log1p(0.25)))
                .benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void aHigherIsBetterMetricThatTripledKeepsAnIntervalWhenWidened() {
        // 1 - ratio = -2.5 has no logarithm: the widening must happen on the ratio itself
        RunResult base = higher(2.0);
        RunResult cur = higher(7.0);
        BenchmarkComparison b = RegressionCheck.compare(base, cur, Policy.DEFAULT, Map.of("q", Math.log1p(0.25)))
                .benchmarks().get(0);
        assertThat(b.statistics().change().low()).isNotNaN();
        assertThat(b.statistics().change().high()).isNotNaN();
        assertThat(b.detectable()).isNotNaN().isPositive();
        assertThat(b.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    private static RunResult higher(double median) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(median * (1 + 0.002 * ((i * 7) % 11 - 5)));
        return new RunResult("s", null, null, null, null, List.of(new BenchmarkResult("q", "x", Direction.HIGHER, samples)));
    }

    private static RunResult run(double medianMillis) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(medianMillis * (1 + 0.002 * ((i * 7) % 11 - 5)));
        return new RunResult("s", null, null, null, null, List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples)));
    }
}
