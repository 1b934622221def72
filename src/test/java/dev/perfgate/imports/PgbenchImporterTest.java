package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PgbenchImporter} on real pgbench 15 logs and output (see resources/imports/README.md). */
class PgbenchImporterTest {

    private final PgbenchImporter importer = new PgbenchImporter();

    @Test
    void perTransactionLogsOfTwoThreadsMergeInTheOrderTransactionsEnded() {
        ImportResult result = importer.importFiles(List.of(ImportSamples.path("pgbench-txn.5738"),
                ImportSamples.path("pgbench-txn.5738.1")));
        ImportSamples.assertValid(result);
        BenchmarkResult b = result.run().benchmarks().get(0);
        assertThat(b.name()).isEqualTo("pgbench");
        assertThat(b.unit()).isEqualTo("ms");
        assertThat(b.direction()).isEqualTo(Direction.LOWER);
        assertThat(b.samples()).hasSize(400); // -c 2 -t 200
        // thread 0: 1964 µs ending at .386416, 768 µs at .387198; thread 1: 3868 µs at .388325
        assertThat(b.samples()).startsWith(1.964, 0.768, 3.868);
        assertThat(result.run().created()).isEqualTo(Instant.parse("2026-11-26T14:27:35.582426Z"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void oneThreadsLogAlone() {
        RunResult run = importer.importFile(ImportSamples.path("pgbench-txn.5738.1")).run();
        assertThat(run.benchmarks().get(0).samples()).hasSize(200).startsWith(3.868, 5.815, 0.703);
    }

    @Test
    void eachScriptIsABenchmarkNumberedAsPgbenchPrintsThem() {
        ImportResult result = importer.importFile(ImportSamples.path("pgbench-scripts.5743"));
        ImportSamples.assertValid(result);
        List<BenchmarkResult> b = result.run().benchmarks();
        assertThat(b).extracting(BenchmarkResult::name).containsExactly("pgbench.script1", "pgbench.script2");
        assertThat(b.get(0).samples().size() + b.get(1).samples().size()).isEqualTo(150);
    }

    @Test
    void aggregatedLogGivesMeanLatencyAndTpsPerIntervalWithoutTheFirst() {
        // intervals: 113, 599, 1657, 3490, 3839 transactions; the first is cut short and left out
        ImportResult result = importer.importFile(ImportSamples.path("pgbench-agg.5746"));
        ImportSamples.assertValid(result);
        RunResult run = result.run();
        BenchmarkResult tps = run.benchmark("pgbench.tps").orElseThrow();
        assertThat(tps.direction()).isEqualTo(Direction.HIGHER);
        assertThat(tps.unit()).isEqualTo("tps");
        assertThat(tps.samples()).containsExactly(599.0, 1657.0, 3490.0, 3839.0);
        BenchmarkResult mean = run.benchmark("pgbench.latency_mean").orElseThrow();
        assertThat(mean.direction()).isEqualTo(Direction.LOWER);
        assertThat(mean.samples().get(0)).isEqualTo(2002850.0 / 599 / 1000); // sum_latency µs / transactions, in ms
        assertThat(run.created()).isEqualTo(Instant.ofEpochSecond(1795703259L + 1));
        assertThat(run.settings().extra()).containsEntry("pgbench_interval_s", 1);
    }

    @Test
    void aggregatedLogsOfTwoThreadsAddUpPerInterval() {
        RunResult run = importer.importFiles(List.of(ImportSamples.path("pgbench-agg2.15833"),
                ImportSamples.path("pgbench-agg2.15833.1"))).run();
        // thread 0: 285 329 471 289, thread 1: 286 311 480 285 after the first interval
        assertThat(run.benchmark("pgbench.tps").orElseThrow().samples()).containsExactly(571.0, 640.0, 951.0, 574.0);
        assertThat(run.benchmark("pgbench.latency_mean").orElseThrow().samples().get(0))
                .isEqualTo((997140.0 + 1000200.0) / 571 / 1000);
    }

    @Test
    void reportWithStddevIsASummaryOnlyBenchmark() {
        ImportResult result = importer.importFile(ImportSamples.path("pgbench-r.txt"));
        ImportSamples.assertValid(result);
        BenchmarkResult b = result.run().benchmarks().get(0);
        assertThat(b.name()).isEqualTo("pgbench");
        assertThat(b.summaryOnly()).isTrue();
        assertThat(b.reported()).isEqualTo(new ReportedSummary(0.790, 0.850, Double.NaN, 7586));
        assertThat(result.run().environment().postgresql().version()).isEqualTo("18.4");
        assertThat(result.run().settings().extra()).containsEntry("pgbench_version", "15.18");
        assertThat(result.warnings()).anyMatch(w -> w.contains("Welch"))
                .anyMatch(w -> w.startsWith("tps and 11 per-statement latencies not imported"));
    }

    @Test
    void reportOfSeveralScriptsHasASummaryPerScript() {
        RunResult run = importer.importFile(ImportSamples.path("pgbench-r-scripts.txt")).run();
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name)
                .containsExactly("pgbench.script1", "pgbench.script2");
        assertThat(run.benchmark("pgbench.script2").orElseThrow().reported())
                .isEqualTo(new ReportedSummary(2.386, 3.603, Double.NaN, 2223));
    }

    @Test
    void reportWithoutStddevIsRefusedWithAdvice() {
        assertThatThrownBy(() -> importer.importFile(ImportSamples.path("pgbench-r-noprogress.txt")))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("pgbench-r-noprogress.txt: pgbench's output has no latency stddev")
                .hasMessageContaining("re-run pgbench with -l").hasMessageContaining("-P 1");
    }

    @Test
    void aMalformedLineInTheMiddleIsAnErrorNamingIt() {
        String log = ImportSamples.text("pgbench-txn.5738").replaceFirst("0 3 2312 0", "0 3 23x2 0");
        assertThatThrownBy(() -> importer.parse(log, "txn.log"))
                .hasMessageStartingWith("txn.log:3: time (latency in µs) \"23x2\" is not a non-negative number; "
                        + "expected pgbench's per-transaction log (-l)");
    }

    @Test
    void aTornLastLineIsSkippedWithAWarning() {
        String log = ImportSamples.text("pgbench-txn.5738") + "0 201 15";
        ImportResult result = importer.parse(log, "txn.log");
        assertThat(result.run().benchmarks().get(0).samples()).hasSize(200);
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("txn.log:201: 3 columns, expected 6 to 8").contains("was pgbench stopped?");
    }

    @Test
    void failedAndSkippedTransactionsAreCountedNotMeasured() {
        String log = "0 1 1200 0 1795703254 100000\n0 2 failed 0 1795703254 200000\n"
                + "0 3 skipped 0 1795703254 300000 0\n0 4 800 0 1795703254 400000\n";
        ImportResult result = importer.parse(log, "txn.log");
        assertThat(result.run().benchmarks().get(0).samples()).containsExactly(1.2, 0.8);
        assertThat(result.warnings()).containsExactly(
                "1 transaction(s) logged as failed have no latency and were left out; check the run",
                "1 transaction(s) logged as skipped have no latency and were left out; check the run");
    }

    @Test
    void filesOfDifferentKindsAreNotMixed() {
        assertThatThrownBy(() -> importer.importFiles(List.of(ImportSamples.path("pgbench-txn.5738"),
                ImportSamples.path("pgbench-agg.5746"))))
                .hasMessageContaining("pgbench-agg.5746: an aggregated log (--aggregate-interval), but")
                .hasMessageContaining("import files of one kind together");
    }

    @Test
    void somethingElseIsNotTakenForAPgbenchLog() {
        assertThatThrownBy(() -> importer.parse("\n\nhello world\n", "x.txt"))
                .hasMessageStartingWith("x.txt:3: not a pgbench log or pgbench output: \"hello world\"; expected");
    }
}
