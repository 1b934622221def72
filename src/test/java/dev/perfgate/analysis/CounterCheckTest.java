package dev.perfgate.analysis;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters' rule: exact counts, a 2 % and one-unit tolerance, plans compared by shape. */
class CounterCheckTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            // base, current, verdict under the default 2 % tolerance (and at least 1 unit)
            "4,      2013,  REGRESSION",  // the lost index
            "0,      4096,  REGRESSION",  // from zero is no excuse
            "0,      1,     OK",          // one unit is within the minimum step
            "0,      2,     REGRESSION",
            "100,    102,   OK",          // exactly 2 %
            "100,    103,   REGRESSION",
            "1000,   1019,  OK",
            "1000,   1021,  REGRESSION",
            "124,    41,    IMPROVEMENT",
            "41,     41,    OK",
    })
    void countersAreJudgedByToleranceNotStatistics(double base, double current, Verdict expected) {
        assertThat(CounterCheck.judge(base, current, 0.02)).isEqualTo(expected);
    }

    @Test
    void aLostIndexIsARegressionNamedWithItsCounterAndThePlanChange() {
        Counters before = counters(Map.of(Counters.SHARED_HIT, new long[]{41, 41, 41}, Counters.WAL_RECORDS,
                new long[]{9, 9, 9}), plan("aa", "Update on products | Aggregate [Bitmap Heap Scan on reviews]"), true);
        Counters after = counters(Map.of(Counters.SHARED_HIT, new long[]{123, 123, 123}, Counters.WAL_RECORDS,
                new long[]{9, 9, 9}), plan("bb", "Update on products | Aggregate [Seq Scan on reviews]"), true);
        CounterCheck.Result r = CounterCheck.compare(before, after, 0.02);
        assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.describe())
                .isEqualTo("shared buffers per iteration 41 -> 123 (+200.0%)"));
        assertThat(r.planChanged()).isTrue();
        assertThat(CounterCheck.planDifference(r.planBefore(), r.planAfter()))
                .isEqualTo("was Aggregate [Bitmap Heap Scan on reviews]; now Aggregate [Seq Scan on reviews]");
    }

    @Test
    void onTwoDifferentServersGrownCountersWarnAndDoNotFail() {
        Counters base = counters(Map.of(Counters.SHARED_HIT, new long[]{416, 416, 416}), null, true);
        Counters more = counters(Map.of(Counters.SHARED_HIT, new long[]{3001, 3001, 3001}), null, true);
        CounterCheck.Result r = CounterCheck.compare(base, more, 0.02);

        List<String> gatedNotes = new ArrayList<>();
        assertThat(CounterCheck.combine(Verdict.OK, r, Policy.DEFAULT, gatedNotes)).isEqualTo(Verdict.REGRESSION);
        assertThat(gatedNotes.get(0)).startsWith("fails on counters (time alone: ok)");

        List<String> notes = new ArrayList<>(List.of("an earlier note"));
        Policy servers = Policy.DEFAULT.with(v -> v.gateCounters = false);
        assertThat(CounterCheck.combine(Verdict.OK, r, servers, notes)).isEqualTo(Verdict.WARNING);
        assertThat(notes.get(0)).startsWith("counters grew, a warning and not a failure: the two sides ran on "
                + "different servers");
        assertThat(notes.get(1)).startsWith("counters: shared buffers per iteration 416 -> 3,001");
        assertThat(notes.get(2)).isEqualTo("an earlier note");
        // time decides when it says more
        assertThat(CounterCheck.combine(Verdict.REGRESSION, r, servers, new ArrayList<>()))
                .isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void walBytesAreShownButNotGated() {
        // an image's size follows the page's free space: two databases of one session differ by up to 2 %
        Counters base = counters(Map.of(Counters.WAL_BYTES, new long[]{40_000}), null, true);
        Counters more = counters(Map.of(Counters.WAL_BYTES, new long[]{60_000}), null, true);
        CounterCheck.Result r = CounterCheck.compare(base, more, 0.02);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.changes()).singleElement().extracting(CounterCheck.Change::verdict).isEqualTo(Verdict.OK);
    }

    @Test
    void aPageThatFilledDifferentlyAtOneIterationIsNotARegression() {
        // measured between two databases of one session: 41 hits at every iteration, 43 at one of them
        Counters base = counters(Map.of(Counters.SHARED_HIT, new long[]{41, 41, 41}), null, true);
        Counters jitter = counters(Map.of(Counters.SHARED_HIT, new long[]{41, 45, 41}), null, true);
        assertThat(CounterCheck.compare(base, jitter, 0.02).verdict()).isEqualTo(Verdict.OK);
        Counters everyIteration = counters(Map.of(Counters.SHARED_HIT, new long[]{43, 43, 44}), null, true);
        assertThat(CounterCheck.compare(base, everyIteration, 0.02).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void fullPageImagesAreShownButNeverGated() {
        Counters base = counters(Map.of(Counters.WAL_FPI, new long[]{7}), null, true);
        Counters more = counters(Map.of(Counters.WAL_FPI, new long[]{70}), null, true);
        CounterCheck.Result r = CounterCheck.compare(base, more, 0.02);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.counter()).isEqualTo("full-page images"));
    }

    @Test
    void nothingToCompareWithoutCountersOnBothSides() {
        Counters some = counters(Map.of(Counters.ROWS, new long[]{1}), null, true);
        assertThat(CounterCheck.compare(null, some, 0.02).verdict()).isNull();
        assertThat(CounterCheck.compare(some, null, 0.02).verdict()).isNull();
    }

    @Test
    void aCountedRegressionFailsTheBenchmarkEvenWhenTimeSaysOk() {
        Counters before = counters(Map.of(Counters.SHARED_HIT, new long[]{4, 4, 4}), null, true);
        Counters after = counters(Map.of(Counters.SHARED_HIT, new long[]{2013, 2013, 2013}), null, true);
        ComparisonReport r = RegressionCheck.compare(run(1.0, before), run(1.0, after), Policy.DEFAULT);
        BenchmarkComparison b = r.benchmarks().get(0);
        assertThat(b.timeVerdict()).isEqualTo(Verdict.OK);
        assertThat(b.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(b.failedOnCounters()).isTrue();
        assertThat(b.notes().get(0)).isEqualTo("fails on counters (time alone: ok)");
        assertThat(b.notes().get(1)).isEqualTo("counters: shared buffers per iteration 4 -> 2,013 (+50225.0%) (regression)");
        assertThat(r.verdict()).isEqualTo(OverallVerdict.FAIL);
    }

    @Test
    void aPlanChangeAloneIsAWarningUnlessAskedToFail() {
        Counters before = counters(Map.of(Counters.ROWS, new long[]{1}), plan("aa", "Index Scan on t"), true);
        Counters after = counters(Map.of(Counters.ROWS, new long[]{1}), plan("bb", "Seq Scan on t"), true);
        assertThat(RegressionCheck.compare(run(1.0, before), run(1.0, after), Policy.DEFAULT).benchmarks().get(0)
                .verdict()).isEqualTo(Verdict.WARNING);
        assertThat(RegressionCheck.compare(run(1.0, before), run(1.0, after),
                Policy.DEFAULT.with(v -> v.failOnPlanChange = true))
                .benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void anImportedAllocationCountFromZeroIsARegression() {
        // JMH's gc.alloc.rate.norm going from 0 to 4,096 B/op used to pass as "inconclusive"
        ComparisonReport r = RegressionCheck.compare(countRun(0), countRun(4096), Policy.DEFAULT);
        assertThat(r.benchmarks().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(r.verdict()).isEqualTo(OverallVerdict.FAIL);
        assertThat(RegressionCheck.compare(countRun(4096), countRun(4097), Policy.DEFAULT).benchmarks().get(0)
                .verdict()).isEqualTo(Verdict.OK);
    }

    private static RunResult countRun(double bytesPerOp) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) samples.add(bytesPerOp + (bytesPerOp > 0 ? 0.001 * i : 0));
        return new RunResult("jmh", null, null, null, null, List.of(new BenchmarkResult("m:gc.alloc.rate.norm",
                "B/op", Direction.LOWER, samples, null, null, true)));
    }

    private static RunResult run(double medianMillis, Counters counters) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(medianMillis * (1 + 0.002 * ((i * 7) % 11 - 5)));
        return new RunResult("s", null, null, null, null,
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples).withCounters(counters)));
    }

    private static Counters counters(Map<String, long[]> values, Counters.Plan plan, boolean checkpoint) {
        return new Counters(new LinkedHashMap<>(values), plan, checkpoint, List.of());
    }

    private static Counters.Plan plan(String fingerprint, String summary) {
        return new Counters.Plan(fingerprint, summary, true);
    }
}
