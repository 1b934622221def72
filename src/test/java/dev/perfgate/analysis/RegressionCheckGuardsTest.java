package dev.perfgate.analysis;

import static dev.perfgate.analysis.Runs.FULL;
import static dev.perfgate.analysis.Runs.MACHINE;
import static dev.perfgate.analysis.Runs.QUICK;
import static dev.perfgate.analysis.Runs.bench;
import static dev.perfgate.analysis.Runs.lognormal;
import static dev.perfgate.analysis.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.stats.Holm;

/**
 * {@link RegressionCheck}'s run-level guards: environment mismatch, quick mode, drift, multiple-comparison correction.
 */
class RegressionCheckGuardsTest {

    private static final double[] BASELINE = lognormal(1, 100, 1.0, 0.05);
    private static final double[] SLOWER = lognormal(2, 30, 1.3, 0.05);

    @Test
    void environmentMismatchDowngradesARegressionAndSaysWhy() {
        Environment other = new Environment("fp-2", "EPYC", 2, 8L << 30, "Linux 6.1", "21.0.2",
                new PostgresInfo("18.1", Map.of("shared_buffers", "256MB")));
        Environment base = new Environment("fp-1", "Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15",
                new PostgresInfo("17.2", Map.of("shared_buffers", "128MB")));
        ComparisonReport report = RegressionCheck.compare(run(base, FULL, bench("b", BASELINE)),
                run(other, FULL, bench("b", SLOWER)), Policy.DEFAULT);
        assertThat(report.environmentMismatch()).isTrue();
        assertThat(report.environmentDifferences()).containsExactly("cpu: \"Xeon\" vs \"EPYC\"",
                "java: \"17.0.15\" vs \"21.0.2\"", "postgresql: \"17.2\" vs \"18.1\"",
                "postgresql shared_buffers: \"128MB\" vs \"256MB\"");
        assertThat(report.warnings().get(0)).startsWith("ENVIRONMENT MISMATCH").contains("cpu: \"Xeon\" vs \"EPYC\"");
        BenchmarkComparison b = report.benchmarks().get(0);
        assertThat(b.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(b.notes().get(0)).startsWith("would be a regression (+").endsWith("downgraded to warning");
        assertThat(report.verdict()).isEqualTo(OverallVerdict.WARN);
        assertThat(report.strictEnvironmentViolated()).isFalse();
        assertThat(RegressionCheck.compare(run(base, FULL, bench("b", BASELINE)), run(other, FULL, bench("b", SLOWER)),
                Policy.DEFAULT.with(v -> v.strictEnvironment = true)).strictEnvironmentViolated()).isTrue();
    }

    @Test
    void aMissingFingerprintIsAWarningNotAMismatch() {
        ComparisonReport report = RegressionCheck.compare(run(Environment.UNKNOWN, FULL, bench("b", BASELINE)),
                run(MACHINE, FULL, bench("b", SLOWER)), Policy.DEFAULT);
        assertThat(report.environmentMismatch()).isFalse();
        assertThat(report.warnings()).containsExactly("no environment fingerprint for baseline: cannot check that "
                + "both ran on the same hardware and software");
        assertThat(report.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void quickModeIsLabelledAndFailsOnlyGrossRegressions() {
        ComparisonReport modest = RegressionCheck.compare(run(bench("b", BASELINE)),
                run(MACHINE, QUICK, bench("b", lognormal(3, 5, 1.15, 0.15))), Policy.DEFAULT);
        assertThat(modest.quick()).isTrue();
        assertThat(modest.warnings()).anyMatch(w -> w.startsWith("QUICK MODE, LOW CONFIDENCE"));
        assertThat(modest.benchmarks().get(0).notes())
                .contains("fewer than 30 iterations (n = 5): quick mode only, low confidence");
        assertThat(modest.benchmarks().get(0).verdict()).isNotEqualTo(Verdict.REGRESSION);

        ComparisonReport gross = RegressionCheck.compare(run(bench("b", BASELINE)),
                run(MACHINE, QUICK, bench("b", lognormal(4, 5, 2.0, 0.05))), Policy.DEFAULT);
        assertThat(gross.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void fewerThanMinimumIterationsIsQuickEvenWithoutTheFlag() {
        ComparisonReport report = RegressionCheck.compare(run(bench("b", BASELINE)),
                run(bench("b", lognormal(5, 10, 1.0, 0.05))), Policy.DEFAULT);
        assertThat(report.quick()).isTrue();
        assertThat(report.warnings()).anyMatch(w -> w.contains("fewer than 30 iterations"));
    }

    @Test
    void aTrendWithinTheRunIsReportedAsNotStationary() {
        double[] drifting = lognormal(6, 30, 1.0, 0.03);
        for (int i = 0; i < drifting.length; i++) drifting[i] *= 1 + 0.2 * i / (drifting.length - 1);
        BenchmarkComparison b = RegressionCheck.compare(run(bench("b", BASELINE)), run(bench("b", drifting)),
                Policy.DEFAULT).benchmarks().get(0);
        assertThat(b.notes()).anyMatch(n -> n.startsWith("not stationary: current samples trend upward within the "
                + "run: the trend line (Sen's slope) moves +13.0% of the median across its 30 iterations"));
        BenchmarkComparison steady = Runs.compareOne(BASELINE, lognormal(7, 30, 1.0, 0.05));
        assertThat(steady.notes()).noneMatch(n -> n.startsWith("not stationary"));
    }

    /**
     * A long run that speeds up steeply: Sen's line across 600 iterations falls by more than the median, which it
     * used to print as "−100.0% first→last iteration"; now a rate per 100 iterations, never −100 % or beyond.
     */
    @Test
    void aSteepTrendIsARateNotAnImpossibleChange() {
        double[] falling = lognormal(8, 600, 1.0, 0.02);
        for (int i = 0; i < falling.length; i++) falling[i] *= Math.exp(-3.0 * i / (falling.length - 1));
        BenchmarkComparison b = RegressionCheck.compare(run(bench("b", BASELINE)), run(bench("b", falling)),
                Policy.DEFAULT).benchmarks().get(0);
        String note = b.notes().stream().filter(n -> n.startsWith("not stationary")).findFirst().orElseThrow();
        assertThat(note).startsWith("not stationary: current samples trend downward within the run: the trend line "
                + "(Sen's slope) moves -").contains("% of the median per 100 iterations, more than the median itself "
                + "across its 600: far from steady").doesNotContain("-100.0%", "first→last");
    }

    @Test
    void holmCorrectionCanTurnAMarginalRegressionIntoAWarning() {
        Runs.BenchmarkSet set = Runs.marginalRegressionAmongUnchanged(40);
        ComparisonReport none = RegressionCheck.compare(set.baseline(), set.current(),
                Policy.DEFAULT.with(v -> v.correction = Correction.NONE));
        ComparisonReport holm = RegressionCheck.compare(set.baseline(), set.current(), Policy.DEFAULT);
        assertThat(none.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(holm.benchmarks().get(0).verdict()).isEqualTo(Verdict.WARNING);
        double[] raw = holm.benchmarks().stream().mapToDouble(b -> b.statistics().rawPValue()).toArray();
        assertThat(holm.benchmarks()).extracting(b -> b.statistics().pValue())
                .containsExactly(java.util.Arrays.stream(Holm.adjust(raw)).boxed().toArray(Double[]::new));
        BenchmarkComparison.Statistics uncorrected = none.benchmarks().get(0).statistics();
        assertThat(uncorrected.pValue()).isEqualTo(uncorrected.rawPValue());
    }

    @Test
    void notesUseRootLocaleWhateverTheDefault() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            BenchmarkComparison b = RegressionCheck.compare(run(bench("b", BASELINE)),
                    run(MACHINE, QUICK, bench("b", lognormal(3, 5, 1.15, 0.15))), Policy.DEFAULT).benchmarks().get(0);
            assertThat(String.join("\n", b.notes())).containsPattern("[+-]\\d+\\.\\d%").doesNotContainPattern("\\d,\\d");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
