package dev.perfgate.analysis;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegressionCheck#compare}'s machine-speed guard: a run made while the machine itself was much slower (the
 * calibration query) is not judged as a regression.
 */
class RegressionCheckCalibrationTest {

    @Test
    void similarMachineSpeedKeepsTheRegression() {
        ComparisonReport r = RegressionCheck.compare(run(1.0, 1.80), run(1.3, 1.95), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.environmentMismatch()).isFalse();
    }

    @Test
    void muchSlowerMachineDowngradesToWarningAndSaysWhy() {
        ComparisonReport r = RegressionCheck.compare(run(1.0, 1.80), run(1.3, 2.70), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(r.verdict()).isEqualTo(OverallVerdict.WARN);
        assertThat(r.environmentDifferences()).singleElement().asString()
                .contains("calibration query 1.800 ms vs 2.700 ms (+50.0%)");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("MACHINE SPEED CHANGED"));
        assertThat(RegressionCheck.compare(run(1.0, 1.80), run(1.3, 2.70),
                Policy.DEFAULT.with(v -> v.strictEnvironment = true))
                .strictEnvironmentViolated()).isTrue();
    }

    @Test
    void aChangeFarBeyondTheMachinesSlowdownStaysARegression() {
        ComparisonReport r = RegressionCheck.compare(run(1.0, 1.80), run(3.0, 2.30), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.benchmarks().get(0).notes()).anyMatch(n -> n.contains("far beyond that"));
        assertThat(r.verdict()).isEqualTo(OverallVerdict.FAIL);
    }

    @Test
    void aFasterMachineCannotExplainASlowdown() {
        // the numbers: calibration 4.593 ms in the baseline, 2.946 ms now (-36 %), a +90 % slowdown
        ComparisonReport r = RegressionCheck.compare(run(1.0, 4.593), run(1.9, 2.946), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.benchmarks().get(0).notes()).anyMatch(n -> n.contains("ran faster")
                && n.contains("cannot explain a slowdown"));
        assertThat(r.verdict()).isEqualTo(OverallVerdict.FAIL);
    }

    @Test
    void aSlowerMachineExplainsAtMostItsOwnShare() {
        // 50 % slower machine: a +40 % change is within what it explains, a +120 % one is not
        assertThat(RegressionCheck.compare(run(1.0, 1.80), run(1.4, 2.70), Policy.DEFAULT).benchmarks().get(0)
                .verdict()).isEqualTo(Verdict.WARNING);
        assertThat(RegressionCheck.compare(run(1.0, 1.80), run(2.2, 2.70), Policy.DEFAULT).benchmarks().get(0)
                .verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void runsWithoutCalibrationAreJudgedAsBefore() {
        ComparisonReport r = RegressionCheck.compare(run(1.0, Double.NaN), run(1.3, 2.70), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    private static RunResult run(double medianMillis, double calibrationMillis) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(medianMillis * (1 + 0.002 * ((i * 7) % 11 - 5)));
        Map<String, Object> extra = Double.isNaN(calibrationMillis) ? Map.of()
                : Map.of(RunSettings.CALIBRATION_KEY, calibrationMillis);
        return new RunResult("s", null, null, null, new RunSettings(30, 6, false, extra),
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples)));
    }
}
