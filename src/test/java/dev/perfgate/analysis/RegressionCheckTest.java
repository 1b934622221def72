package dev.perfgate.analysis;

import static dev.perfgate.analysis.Runs.bench;
import static dev.perfgate.analysis.Runs.compareOne;
import static dev.perfgate.analysis.Runs.constant;
import static dev.perfgate.analysis.Runs.lognormal;
import static dev.perfgate.analysis.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import java.util.Map;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.ReportedSummary;

/** Verdicts end to end through {@link RegressionCheck#compare}, on seeded synthetic samples. */
class RegressionCheckTest {

    private static final double[] BASELINE = lognormal(1, 100, 1.0, 0.05);

    @Test
    void thirtyPercentSlowerIsARegression() {
        BenchmarkComparison b = compareOne(BASELINE, lognormal(2, 30, 1.30, 0.05));
        assertThat(b.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(b.statistics().change().estimate()).isCloseTo(0.30, within(0.03));
        assertThat(b.statistics().change().low()).isGreaterThan(0.2).isLessThan(b.statistics().change().estimate());
        assertThat(b.statistics().change().high()).isGreaterThan(b.statistics().change().estimate());
        assertThat(b.statistics().pValue()).isLessThan(1e-6);
        assertThat(b.statistics().method()).isEqualTo(BenchmarkComparison.METHOD_MANN_WHITNEY);
        assertThat(b.sides().baseline().n()).isEqualTo(100);
        assertThat(b.sides().current().n()).isEqualTo(30);
    }

    @Test
    void eachVerdictOnTightSamples() {
        assertThat(compareOne(BASELINE, lognormal(3, 30, 1.075, 0.05)).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(compareOne(BASELINE, lognormal(4, 30, 1.0, 0.05)).verdict()).isEqualTo(Verdict.OK);
        BenchmarkComparison faster = compareOne(BASELINE, lognormal(5, 30, 0.8, 0.05));
        assertThat(faster.verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(faster.statistics().change().estimate()).isCloseTo(-0.2, within(0.03));
    }

    @Test
    void wideSamplesWithASmallChangeAreInconclusive() {
        BenchmarkComparison b = compareOne(lognormal(7, 100, 1.0, 0.5), lognormal(8, 30, 1.05, 0.5));
        assertThat(b.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(b.iterationsToDecide()).isGreaterThan(100);
        assertThat(b.notes()).anyMatch(n -> n.contains("too wide to tell ok from regression"));
    }

    /**
     * Against a stored baseline with 25 % run-to-run noise (the prior), 600 tight iterations a side still leave the
     * interval too wide, and the advice is the comparison in one session, not more iterations (issue 22, item 11).
     */
    @Test
    void runToRunNoiseIsNotAdvisedAwayWithIterations() {
        ComparisonReport report = RegressionCheck.compare(Runs.run(bench("q", lognormal(11, 600, 1.0, 0.05))),
                Runs.run(bench("q", lognormal(12, 600, 1.03, 0.05))), Policy.DEFAULT, Map.of("q", Math.log1p(0.25)));
        BenchmarkComparison b = report.benchmarks().get(0);
        assertThat(b.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(b.iterationsToDecide()).isNull();
        assertThat(b.notes()).anyMatch(n -> n.contains("more iterations cannot narrow it")
                && n.contains("check --against REF")).noneMatch(n -> n.contains("iterations per run would decide"));
    }

    @Test
    void newAndMissingBenchmarksComeInCurrentOrderThenMissing() {
        ComparisonReport report = RegressionCheck.compare(
                run(bench("gone", BASELINE), bench("kept", BASELINE)),
                run(bench("added", BASELINE), bench("kept", BASELINE)), Policy.DEFAULT);
        assertThat(report.benchmarks()).extracting(BenchmarkComparison::name).containsExactly("added", "kept", "gone");
        assertThat(report.benchmarks()).extracting(BenchmarkComparison::verdict)
                .containsExactly(Verdict.NEW, Verdict.OK, Verdict.MISSING);
        BenchmarkComparison added = report.benchmarks().get(0);
        assertThat(added.sides().baseline()).isNull();
        assertThat(added.sides().current().n()).isEqualTo(100);
        assertThat(added.statistics().change().estimate()).isNaN();
        assertThat(report.benchmarks().get(2).sides().current()).isNull();
        assertThat(report.verdict()).isEqualTo(OverallVerdict.PASS);
    }

    @Test
    void aDropInAHigherIsBetterMetricIsARegressionWithPositiveChange() {
        BenchmarkComparison drop = compareHigher(lognormal(8, 100, 2.3, 0.05), lognormal(9, 30, 2.0, 0.05));
        assertThat(drop.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(drop.statistics().change().estimate()).isCloseTo(1 - 2.0 / 2.3, within(0.02));
        assertThat(drop.statistics().change().low()).isLessThan(drop.statistics().change().estimate());
        assertThat(drop.statistics().change().high()).isGreaterThan(drop.statistics().change().estimate());
        BenchmarkComparison rise = compareHigher(lognormal(8, 100, 2.3, 0.05), lognormal(10, 30, 2.7, 0.05));
        assertThat(rise.verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(rise.statistics().change().estimate()).isNegative();
    }

    @Test
    void identicalConstantSamplesAreOkWithZeroChange() {
        BenchmarkComparison b = compareOne(constant(100, 1.2), constant(30, 1.2));
        assertThat(b.verdict()).isEqualTo(Verdict.OK);
        assertThat(b.statistics().change().estimate()).isZero();
        assertThat(b.statistics().change().low()).isZero();
        assertThat(b.statistics().change().high()).isZero();
        assertThat(b.statistics().pValue()).isEqualTo(1.0);
        assertThat(b.sides().current().stddev()).isZero();
    }

    @Test
    void differentConstantsAreADefiniteChange() {
        BenchmarkComparison b = compareOne(constant(100, 1.0), constant(30, 1.25));
        assertThat(b.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(b.statistics().change().estimate()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void summaryOnlyBaselineIsComparedWithWelch() {
        BenchmarkResult legacy = new BenchmarkResult("single_row_update", "ms", Direction.LOWER, List.of(),
                new ReportedSummary(1.2, 0.08, 1.35, 100));
        ComparisonReport report = RegressionCheck.compare(run(legacy),
                run(bench("single_row_update", lognormal(11, 30, 1.56, 0.06))), Policy.DEFAULT);
        BenchmarkComparison b = report.benchmarks().get(0);
        assertThat(b.statistics().method()).isEqualTo("welch (summary-only baseline)");
        assertThat(b.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(b.statistics().change().estimate()).isCloseTo(0.3, within(0.03));
        assertThat(b.notes()).contains("summary-only baseline: Welch's t-test on means; raw samples would be more robust");
        assertThat(b.sides().baseline().mean()).isEqualTo(1.2);
        assertThat(b.sides().baseline().median()).isNaN();
    }

    @Test
    void differentUnitsAreNotCompared() {
        BenchmarkResult seconds = new BenchmarkResult("b", "s", Direction.LOWER, Runs.list(BASELINE));
        ComparisonReport report = RegressionCheck.compare(run(seconds), run(bench("b", BASELINE)), Policy.DEFAULT);
        assertThat(report.benchmarks().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.benchmarks().get(0).notes()).anyMatch(n -> n.startsWith("units differ"));
    }

    @Test
    void overallVerdictFollowsTheWorstBenchmark() {
        ComparisonReport fail = RegressionCheck.compare(run(bench("a", BASELINE), bench("b", BASELINE)),
                run(bench("a", lognormal(12, 30, 1.0, 0.05)), bench("b", lognormal(13, 30, 1.3, 0.05))), Policy.DEFAULT);
        assertThat(fail.verdict()).isEqualTo(OverallVerdict.FAIL);
        assertThat(fail.verdict().exitCode()).isEqualTo(1);
        assertThat(fail.withVerdict(Verdict.REGRESSION)).extracting(BenchmarkComparison::name).containsExactly("b");

        ComparisonReport inconclusive = RegressionCheck.compare(run(bench("w", lognormal(7, 100, 1.0, 0.5))),
                run(bench("w", lognormal(8, 30, 1.05, 0.5))), Policy.DEFAULT);
        assertThat(inconclusive.verdict()).isEqualTo(OverallVerdict.WARN);
        assertThat(RegressionCheck.compare(run(bench("w", lognormal(7, 100, 1.0, 0.5))),
                run(bench("w", lognormal(8, 30, 1.05, 0.5))),
                Policy.DEFAULT.with(v -> v.failOnInconclusive = true)).verdict())
                .isEqualTo(OverallVerdict.FAIL);
    }

    private static BenchmarkComparison compareHigher(double[] baseline, double[] current) {
        return RegressionCheck.compare(run(bench("speedup", Direction.HIGHER, baseline)),
                run(bench("speedup", Direction.HIGHER, current)), Policy.DEFAULT).benchmarks().get(0);
    }
}
