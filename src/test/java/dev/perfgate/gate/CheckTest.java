package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.Provenance;
import dev.perfgate.bench.AbRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.Shard;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.suite.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every decision of a check, on recorded runs: no server. */
class CheckTest {

    @TempDir
    Path dir;

    private final Recorded.Listener listener = new Recorded.Listener();

    private CheckRequest request(Path suite, Path baseline, ReportChoice reports, boolean quick) {
        Subject.Measured subject = new Subject.Measured(new Side(new SuiteSource.Folder(suite), Server.EMBEDDED),
                Selection.ALL, Settings.EMPTY);
        return new CheckRequest(subject, quick, null, PolicyChoice.NONE,
                new CheckRequest.Judging(baseline, false, 0), dir.resolve("out/results.json"), reports,
                dir.resolve("out/history.jsonl").toString(), false);
    }

    private Path acceptedBaseline(Path suite, RunResult run) {
        Path file = suite.resolve("baseline.json");
        BaselineJson.write(new Baseline(run, new Provenance("me", Instant.EPOCH, null, "r.json", "test")), file);
        return file;
    }

    private List<HistoryEntry> history() {
        List<HistoryEntry> entries = new ArrayList<>();
        dev.perfgate.history.HistoryStore.open(dir.resolve("out/history.jsonl").toString())
                .forEach(entries::add, w -> { });
        return entries;
    }

    @Test
    void aTruncatedBaselineIsRefusedBeforeAnythingRuns() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a", "b");
        Path baseline = acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a", "b"));
        String json = Files.readString(baseline);
        Files.writeString(baseline, json.substring(0, json.length() / 2));
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a", "b"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> new Check(engine, listener).run(request(suite, null, ReportChoice.DEFAULT, false)))
                .isInstanceOf(PerfgateException.class).hasMessageContaining(baseline.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(engine.calls).as("nothing measured").isZero();
        System.out.println("truncated baseline refused in " + millis + " ms");
    }

    @Test
    void aBaselineOfAnotherSuiteIsRefusedBeforeAnythingRuns() {
        Path suite = Recorded.suite(dir, "perf", "a", "b");
        acceptedBaseline(suite, Recorded.run("other", 1.0, 1, "x", "y"));
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a", "b"));
        assertThatThrownBy(() -> new Check(engine, listener).run(request(suite, null, ReportChoice.DEFAULT, false)))
                .hasMessageContaining("has no benchmark in common with this run");
        assertThat(engine.calls).isZero();
    }

    @Test
    void anUnwritableJobSummaryIsRefusedBeforeAnythingRuns() {
        Path suite = Recorded.suite(dir, "perf", "a");
        Path summary = dir.resolve("no-such-folder/summary.md");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        assertThatThrownBy(() -> new Check(engine, listener).run(request(suite, null,
                new ReportChoice(null, null, summary), false)))
                .hasMessageContaining("GITHUB_STEP_SUMMARY " + summary);
        assertThat(engine.calls).isZero();
    }

    @Test
    void aRegressionStaysExitOneWhenTheSummaryFailsAfterTheVerdict() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a");
        acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a"));
        Path folder = Files.createDirectories(dir.resolve("summary"));
        Path summary = folder.resolve("summary.md");
        // the folder goes away while the suite runs: the summary can no longer be written
        var engine = new Recorded.Engine(Recorded.run("perf", 1.5, 2, "a"), null, () -> delete(folder));

        CheckOutcome outcome = new Check(engine, listener).run(request(suite, null,
                new ReportChoice(null, null, summary), false));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(listener.warnings).anyMatch(w -> w.contains("cannot write the markdown report"));
        assertThat(history()).singleElement().extracting(HistoryEntry::verdict).isEqualTo("fail");
    }

    @Test
    void aPassThatCannotWriteItsReportsIsExitTwoNotAPass() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a");
        acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a"));
        Path folder = Files.createDirectories(dir.resolve("summary"));
        var engine = new Recorded.Engine(Recorded.run("perf", 1.0, 2, "a"), null, () -> delete(folder));

        CheckOutcome outcome = new Check(engine, listener).run(request(suite, null,
                new ReportChoice(null, null, folder.resolve("summary.md")), false));

        assertThat(outcome.exitCode()).isEqualTo(PerfgateException.CANNOT_RUN);
        assertThat(listener.notes).anyMatch(n -> n.contains("cannot write the markdown report"));
        assertThat(history()).as("the run is still recorded").hasSize(1);
    }

    @Test
    void theFirstRunComparesNothingSaysSoOnceExitsZeroAndIsRecordedWithoutAVerdict() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));

        CheckOutcome outcome = new Check(engine, listener).run(request(suite, null, ReportChoice.DEFAULT, false));

        assertThat(outcome.exitCode()).as("a first run must not go red").isZero();
        assertThat(outcome.report().nothingCompared()).as("nothing compared is not a pass").isTrue();
        assertThat(outcome.report().warnings()).as("one NO BASELINE, and no baseline fingerprint to miss")
                .singleElement().asString().startsWith("NO BASELINE: there is nothing at "
                        + suite.resolve("baseline.json"));
        assertThat(listener.out.toString() + listener.notes + listener.warnings).as("no report asked for, so said "
                + "here, once").containsOnlyOnce("NO BASELINE").contains("perfgate baseline accept");
        assertThat(history()).singleElement().extracting(HistoryEntry::verdict).isNull();
        assertThat(dir.resolve("out/results.json")).exists();
    }

    @Test
    void aSlowerRunAgainstTheBaselineFailsAndTheHistoryKeepsTheVerdicts() {
        Path suite = Recorded.suite(dir, "perf", "a", "b");
        acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a", "b"));
        var engine = Recorded.Engine.returning(Recorded.run("perf", 2.0, 2, "a", "b"));
        CheckRequest trusting = request(suite, null, ReportChoice.DEFAULT, false);

        CheckOutcome outcome = new Check(engine, listener).run(trusting);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(history()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo("fail");
            assertThat(e.benchmarkVerdicts()).containsEntry("a", "regression").containsEntry("b", "regression");
        });
    }

    @Test
    void assumedRunNoiseIsSaidAndWidensTheInterval() {
        Path suite = Recorded.suite(dir, "perf", "a");
        acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a"));
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.12, 2, "a"));
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        CheckRequest noisy = new CheckRequest(r.subject(), false, null, r.policy(),
                new CheckRequest.Judging(null, false, 0.25), r.results(), r.reports(), r.history(), false);

        CheckOutcome outcome = new Check(engine, listener).run(noisy);

        assertThat(outcome.exitCode()).as("+12 % cannot be told from 25 % run-to-run noise").isZero();
        assertThat(outcome.report().warnings()).anyMatch(w -> w.contains("25% run-to-run noise was assumed"));
    }

    @Test
    void quickRunsAreNeverRecorded() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        new Check(engine, listener).run(request(suite, null, ReportChoice.DEFAULT, true));
        assertThat(dir.resolve("out/history.jsonl")).doesNotExist();
    }

    @Test
    void quickModeRunsFewIterationsUnlessTold() {
        assertThat(Check.quickOverrides(Settings.EMPTY, true).iterations()).isEqualTo(5);
        assertThat(Check.quickOverrides(Settings.fromOptions(12, null, null, null, null), true).iterations())
                .isEqualTo(12);
        assertThat(Check.quickOverrides(Settings.EMPTY, false).iterations()).isNull();
    }

    @ParameterizedTest(name = "counters {0}, attribution {1}: said {2}")
    @CsvSource(nullValues = "default", value = {
        "false, default, true",   // --no-counters alone: attribution is off too, and the report says why
        "false, true,    true",   // asked for, but it is read with the counters
        "false, false,   false",  // --no-counters --no-attribution: both meant, nothing to say
        "default, default, false",
        "default, false, false",  // --no-attribution alone says itself
    })
    void attributionTurnedOffByTheCountersIsSaidInOneLine(Boolean counters, Boolean attribution, boolean said) {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        Subject.Measured m = (Subject.Measured) r.subject();
        CheckRequest off = new CheckRequest(new Subject.Measured(m.side(), m.selection(),
                Settings.fromOptions(null, null, null, null, counters, attribution)), false, null, r.policy(),
                r.judging(), r.results(), r.reports(), r.history(), false);

        CheckOutcome outcome = new Check(engine, listener).run(off);

        assertThat(outcome.report().warnings().stream().filter(w -> w.startsWith("attribution is off too: "))
                .count()).isEqualTo(said ? 1 : 0);
    }

    @Test
    void anEmptyShardRunsNothingAndPasses() {
        Path suite = Recorded.suite(dir, "perf", "a");
        Shard empty = Stream.of(new Shard(1, 2), new Shard(2, 2)).filter(s -> !s.holds("a")).findFirst().orElseThrow();
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        Subject.Measured m = (Subject.Measured) r.subject();
        CheckRequest sharded = new CheckRequest(new Subject.Measured(m.side(), new Selection(null, empty),
                m.overrides()), false, null, r.policy(), r.judging(), r.results(), r.reports(), r.history(), false);

        CheckOutcome outcome = new Check(engine, listener).run(sharded);

        assertThat(outcome).isEqualTo(CheckOutcome.NOTHING_RAN);
        assertThat(engine.calls).isZero();
        assertThat(listener.out.toString()).contains("holds none of the benchmarks");
    }

    @Test
    void anExplicitBaselineThatDoesNotExistIsAnError() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        assertThatThrownBy(() -> new Check(engine, listener).run(request(suite, dir.resolve("nope.json"),
                ReportChoice.DEFAULT, false))).hasMessageContaining("does not exist");
        assertThat(engine.calls).isZero();
    }

    @Test
    void anAbCheckJudgesThePairsAndWritesBothSides() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var recorded = Recorded.abPair("perf", 1.3, "a");
        var engine = new Recorded.Engine(null, recorded, () -> { });
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        Path base = dir.resolve("out/base.json");
        CheckRequest ab = new CheckRequest(r.subject(), false, new CheckRequest.Against(null,
                Server.at("jdbc:postgresql://localhost/other"), null, Duration.ofMinutes(1), base), r.policy(),
                r.judging(), r.results(), r.reports(), r.history(), false);

        CheckOutcome outcome = new Check(engine, listener).run(ab);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(base).exists();
        assertThat(engine.lastPlan.oneServer()).as("--against-db: the base has its own server").isFalse();
        assertThat(engine.lastPlan.base().version().describe()).isEqualTo("server jdbc:postgresql://localhost/other");
        assertThat(engine.lastPlan.budget().maxPairs()).as("the default pair budget").isEqualTo(Defaults.MAX_PAIRS);
    }

    @Test
    void anAbCheckRefusesAStoredBaselineOrAnImport() {
        Path suite = Recorded.suite(dir, "perf", "a");
        Path baseline = acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a"));
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", 1.0, "a"), () -> { });
        CheckRequest r = request(suite, baseline, ReportChoice.DEFAULT, false);
        var against = new CheckRequest.Against("HEAD", null, null, Duration.ofMinutes(1), dir.resolve("b.json"));
        assertThatThrownBy(() -> new Check(engine, listener).run(new CheckRequest(r.subject(), false, against,
                r.policy(), r.judging(), r.results(), r.reports(), r.history(), false)))
                .hasMessageContaining("--baseline and --against");
        Subject imported = new Subject.Imported("jmh", List.of(dir.resolve("x.json")), Selection.ALL);
        assertThatThrownBy(() -> new Check(engine, listener).run(new CheckRequest(imported, false, against,
                r.policy(), new CheckRequest.Judging(null, false, 0), r.results(), r.reports(), r.history(), false)))
                .hasMessageContaining("--import gates results");
        assertThat(engine.calls).isZero();
    }

    @Test
    void resultsAreNeverWrittenOverAnAcceptedBaseline() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a");
        Path baseline = acceptedBaseline(suite, Recorded.run("perf", 1.0, 1, "a"));
        String before = Files.readString(baseline);
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, true);
        CheckRequest overwriting = new CheckRequest(r.subject(), true, null, r.policy(), r.judging(), baseline,
                r.reports(), r.history(), false);

        assertThatThrownBy(() -> new Check(engine, listener).run(overwriting))
                .hasMessageContaining("-o " + baseline + " is an accepted baseline");
        assertThat(engine.calls).isZero();
        assertThat(Files.readString(baseline)).isEqualTo(before);
        assertThatThrownBy(() -> new Merge(listener).run(List.of(baseline), baseline))
                .hasMessageContaining("is an accepted baseline");
    }

    /**
     * A benchmark that failed at the base is judged by no one: the others get their verdicts, it is marked "fails at
     * the base: not compared" with the base's error and what to do, and the check warns (exit 0), never passes.
     */
    @Test
    void aBenchmarkFailingAtTheBaseIsMarkedNotComparedAndTheOthersAreJudged() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a", "broken");
        AbRun.Outcome paired = Recorded.abPair("perf", 1.0, "a");
        RunResult candidate = new RunResult("perf", null, null, Recorded.MACHINE, paired.candidate().settings(),
                List.of(paired.candidate().benchmarks().get(0), Recorded.run("perf", 1.0, 3, "broken").benchmarks()
                        .get(0))).withAb(paired.candidate().ab());
        String error = "broken.sql:2: ERROR: relation \"acounts\" does not exist (broken, base, iteration 1)";
        var engine = new Recorded.Engine(null, new AbRun.Outcome(paired.base(), candidate, 0.1, "recorded",
                Map.of("broken", error)), () -> { });
        CheckRequest r = request(suite, null, new ReportChoice(List.of("markdown", "json", "junit", "html"),
                dir.resolve("reports"), null), false);
        var against = new CheckRequest.Against(suite.toString(), null, null, Duration.ofMinutes(1),
                dir.resolve("b.json"));
        CheckOutcome outcome = new Check(engine, listener).run(new CheckRequest(r.subject(), false, against,
                r.policy(), r.judging(), r.results(), r.reports(), r.history(), false));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.report().verdict()).isEqualTo(dev.perfgate.analysis.OverallVerdict.WARN);
        assertThat(outcome.report().benchmarks()).extracting(b -> b.name() + " " + b.verdict().jsonName() + " "
                + b.failedAtBase()).containsExactly("a ok false", "broken new true");
        assertThat(outcome.report().warnings()).anyMatch(w -> w.startsWith("FAILS AT THE BASE: broken (" + error
                + ")") && w.contains("Fix it at the base"));
        assertThat(Files.readString(dir.resolve("reports/comparison.md")))
                .contains("⚠️ perfgate: WARN (1 not compared)", "| ⛔ fails at the base: not compared |",
                        "**broken**: fails at the base: not compared: broken.sql:2: ERROR: relation");
        assertThat(Files.readString(dir.resolve("reports/comparison.json")))
                .contains("\"base_failure\" : \"broken.sql:2: ERROR", "\"reason\" : \"1 not compared (fails at the base): broken\"");
        assertThat(Files.readString(dir.resolve("reports/perfgate-junit.xml")))
                .contains("<skipped message=\"fails at the base: not compared: broken.sql:2: ERROR");
        assertThat(Files.readString(dir.resolve("reports/comparison.html")))
                .contains(">fails at the base: not compared</span>");
    }

    @Test
    void bothSidesTheSameIsSaidLoudly() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", 1.0, "a"), () -> { });
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        var against = new CheckRequest.Against(suite.toString(), null, null, Duration.ofMinutes(1),
                dir.resolve("b.json"));
        CheckOutcome outcome = new Check(engine, listener).run(new CheckRequest(r.subject(), false, against,
                r.policy(), r.judging(), r.results(), r.reports(), r.history(), false));
        assertThat(outcome.report().warnings()).anyMatch(w -> w.startsWith("SAME ON BOTH SIDES"));
        assertThat(listener.warnings).anyMatch(w -> w.contains("can only pass"));
        assertThat(engine.lastPlan.oneServer()).isTrue();
    }

    @Test
    void anotherBuildOnTheBaseIsNotTheSameAndGetsItsOwnServer() throws IOException {
        Path suite = Recorded.suite(dir, "perf", "a");
        Path build = Files.createDirectories(dir.resolve("stage/usr/share/postgresql/18/extension"));
        Files.writeString(build.resolve("x.control"), "default_version = '1.0'\n");
        Files.writeString(build.resolve("x--1.0.sql"), "SELECT 1;\n");
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", 1.0, "a"), () -> { });
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        Server base = Server.started(new ServerSpec(null, List.of(ExtensionBuild.of(dir.resolve("stage"))), Map.of()));
        var against = new CheckRequest.Against(null, base, null, Duration.ofMinutes(1), dir.resolve("b.json"));
        CheckOutcome outcome = new Check(engine, listener).run(new CheckRequest(r.subject(), false, against,
                r.policy(), r.judging(), r.results(), r.reports(), r.history(), false));
        assertThat(outcome.report().warnings()).noneMatch(w -> w.startsWith("SAME ON BOTH SIDES"));
        assertThat(engine.lastPlan.oneServer()).isFalse();
        assertThat(engine.lastPlan.base().version().describe()).contains("x from " + dir.resolve("stage"));
    }

    @Test
    void aSettingThatMakesTimingsMeaninglessIsInTheReport() {
        Path suite = Recorded.suite(dir, "perf", "a");
        var engine = Recorded.Engine.returning(Recorded.run("perf", 1.0, 2, "a"));
        Side side = new Side(new SuiteSource.Folder(suite),
                Server.started(new ServerSpec(null, List.of(), Map.of("fsync", "off"))));
        CheckRequest r = request(suite, null, ReportChoice.DEFAULT, false);
        CheckOutcome outcome = new Check(engine, listener).run(new CheckRequest(new Subject.Measured(side,
                Selection.ALL, Settings.EMPTY), false, null, r.policy(), r.judging(), r.results(), r.reports(),
                r.history(), false));
        assertThat(outcome.report().warnings()).anyMatch(w -> w.startsWith("fsync=off"));
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
