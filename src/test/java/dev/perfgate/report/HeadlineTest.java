package dev.perfgate.report;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headline every report and CI share: "nothing compared" is never called a pass, and the reason names what
 * perfgate found (two inconclusive benchmarks are not "a benchmark got slower").
 */
class HeadlineTest {

    private static BenchmarkComparison judged(String name, Verdict verdict, double change) {
        Summary s = Summary.of(new Sample(new double[]{0.9, 1.0, 1.1}));
        return BenchmarkComparison.builder(new BenchmarkComparison.Sides(name, "ms", Direction.LOWER, s, s))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_MANN_WHITNEY,
                        new RelativeChange(change, change - 0.2, change + 0.2, 0.95), 0.2, 0.2, null))
                .verdict(verdict).build();
    }

    @Test
    void twoInconclusiveBenchmarksAreNamedAsSuchNotAsASlowdown() {
        ComparisonReport r = new ComparisonReport(OverallVerdict.WARN, false, false, List.of(), List.of(),
                List.of(judged("a", Verdict.INCONCLUSIVE, -0.157), judged("b", Verdict.INCONCLUSIVE, -0.110),
                        judged("c", Verdict.OK, 0.01)), Policy.DEFAULT);

        assertThat(Headline.reason(r)).isEqualTo("2 inconclusive (the interval too wide to tell ok from a "
                + "regression): a -15.7%, b -11.0%").doesNotContain("slower");
        assertThat(new JsonReport().render(r)).contains("\"reason\" : \"2 inconclusive (the interval too wide to tell "
                + "ok from a regression): a -15.7%, b -11.0%\"", "\"nothing_compared\" : false");
    }

    @Test
    void aRegressionAndAWarningAreEachNamedWithTheirChange() {
        ComparisonReport r = new ComparisonReport(OverallVerdict.FAIL, false, false, List.of(), List.of(),
                List.of(judged("slow", Verdict.REGRESSION, 0.304), judged("meh", Verdict.WARNING, 0.068)),
                Policy.DEFAULT);
        assertThat(Headline.reason(r)).isEqualTo("1 regression (worse beyond the fail threshold, established): "
                + "slow +30.4%; 1 warning (slower beyond the warn threshold, or a regression not established): "
                + "meh +6.8%");
    }

    /** No baseline: every benchmark is new; exit 0, JSON verdict pass (the contract), but nowhere a "PASS". */
    @Test
    void aRunWithNoBaselineComparesNothingAndEveryReportSaysSo() {
        RunResult current = new RunResult("perf", null, null, null, null, List.of(
                new BenchmarkResult("a", "ms", Direction.LOWER, List.of(1.0, 1.1, 0.9)),
                new BenchmarkResult("b", "ms", Direction.LOWER, List.of(2.0, 2.1, 1.9))));
        RunResult nothing = new RunResult("perf", null, null, null, null, List.of());
        ComparisonReport r = RegressionCheck.compare(nothing, current, Policy.DEFAULT);

        assertThat(r.nothingCompared()).isTrue();
        assertThat(r.verdict().exitCode()).isZero();
        assertThat(r.warnings()).as("no baseline, so no baseline fingerprint to miss")
                .noneMatch(w -> w.contains("fingerprint"));
        String md = new MarkdownReport().render(r);
        assertThat(md.lines().toList().get(1)).isEqualTo("## ℹ️ perfgate: nothing compared — no baseline");
        assertThat(md).contains("> Nothing was compared, so this run is neither a pass nor a failure")
                .doesNotContain("PASS", "✅");
        assertThat(new TextReport(false).render(r)).contains("NOTHING COMPARED: 2 new").doesNotContain("PASS");
        assertThat(new HtmlReport().render(r)).contains("<title>perfgate: NOTHING COMPARED</title>")
                .doesNotContain(">PASS<");
        assertThat(new JsonReport().render(r)).contains("\"verdict\" : \"pass\"", "\"nothing_compared\" : true",
                "\"reason\" : \"nothing compared (no baseline): 2 benchmarks measured, none judged\"");
    }

    @Test
    void aSuiteNewAtTheBaseIsNamedSo() {
        RunResult current = new RunResult("perf", null, null, null, null, List.of(
                new BenchmarkResult("a", "ms", Direction.LOWER, List.of(1.0, 1.1, 0.9))));
        ComparisonReport r = RegressionCheck.compare(new RunResult("perf", null, null, null, null, List.of()),
                current, Policy.DEFAULT).withWarning(Headline.NEW_SUITE + ": the suite folder perf does not exist");
        assertThat(new MarkdownReport().render(r)).contains("## ℹ️ perfgate: nothing compared — new at the base",
                "they are new and this change passes", "🆕 new");
    }

    @Test
    void aComparisonWithSomethingJudgedIsNotNothingCompared() {
        ComparisonReport r = new ComparisonReport(OverallVerdict.PASS, false, false, List.of(), List.of(),
                List.of(judged("a", Verdict.OK, 0.01), judged("b", Verdict.NEW, Double.NaN)), Policy.DEFAULT);
        assertThat(r.nothingCompared()).isFalse();
        assertThat(Headline.word(r)).isEqualTo("PASS");
        assertThat(Headline.reason(r)).isEqualTo("no regression: 1 ok, 1 new");
    }

    /** A warning no benchmark explains (the drift budget's line) is not pinned on a benchmark. */
    @Test
    void aVerdictNoBenchmarkExplainsPointsAtTheWarnings() {
        ComparisonReport r = new ComparisonReport(OverallVerdict.WARN, false, false, List.of(),
                List.of("BUDGET: ... over the 10% budget"), List.of(judged("a", Verdict.OK, 0.01)), Policy.DEFAULT);
        assertThat(Headline.reason(r)).isEqualTo("warn by the report's warnings, no benchmark beyond its thresholds: "
                + "1 ok");
    }
}
