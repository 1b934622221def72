package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.ChangeEstimate;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drift check and the budget line, on recorded runs in a real (temporary) git repository: the anchor read from
 * the baseline, the budget as the policy, the history's record, the refusals.
 */
class DriftCheckTest {

    @TempDir
    Path dir;

    /** A folder in no git repository, removed with the test (a second @TempDir is a folder of its own). */
    @TempDir
    Path outsideGit;

    private final Recorded.Listener listener = new Recorded.Listener();
    private Path suite;
    private String anchor;

    @BeforeEach
    void repository() throws IOException {
        git("init", "-q");
        suite = Recorded.suite(dir, "perf", "a", "b");
        git("add", ".");
        git("commit", "-qm", "suite");
        anchor = git("rev-parse", "HEAD");
        BaselineJson.write(new Baseline(Recorded.run("perf", 1.0, 1, "a", "b"), new Provenance("me",
                Instant.parse("2026-11-02T10:00:00Z"), anchor, "r.json", "release 1.4", "perf")),
                suite.resolve("baseline.json"));
        Files.writeString(suite.resolve("a.sql"), "-- perfgate:run\nSELECT 2;\n");
        git("add", ".");
        git("commit", "-qm", "slower");
    }

    private CheckRequest request(CheckRequest.Drift drift, Path suiteFolder) {
        Subject.Measured subject = new Subject.Measured(new Side(new SuiteSource.Folder(suiteFolder), Server.EMBEDDED),
                Selection.ALL, Settings.EMPTY);
        return new CheckRequest(subject, false, new CheckRequest.Against(CheckRequest.Against.ANCHOR, null, null,
                Duration.ofMinutes(1), dir.resolve("out/base.json")), PolicyChoice.NONE,
                new CheckRequest.Judging(null, false, 0), dir.resolve("out/results.json"), ReportChoice.DEFAULT,
                dir.resolve("out/history.jsonl").toString(), false, drift);
    }

    private CheckOutcome drift(double factor, Double budget) {
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", factor, "a", "b"), () -> { });
        CheckOutcome outcome = new Check(engine, listener).run(request(new CheckRequest.Drift(true, budget, false),
                suite));
        assertThat(engine.lastPlan.base().version().commit()).as("the base is the suite at the anchor")
                .isEqualTo(anchor);
        return outcome;
    }

    private List<HistoryEntry> history() {
        List<HistoryEntry> entries = new ArrayList<>();
        HistoryStore.open(dir.resolve("out/history.jsonl").toString()).forEach(entries::add, w -> { });
        return entries;
    }

    @Test
    void driftBeyondTheBudgetFailsAndTheHistoryKeepsTheAnchorAndTheDrift() {
        CheckOutcome outcome = drift(1.13, null);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.report().policy().failThreshold()).as("default budget: the fail threshold").isEqualTo(0.10);
        assertThat(outcome.report().policy().warnThreshold()).isEqualTo(0.05);
        assertThat(listener.out.toString()).contains("DRIFT: drift since anchor " + anchor.substring(0, 7)
                + " (accepted 2026-11-02, 'release 1.4'): +13.0% [", "budget 10%: 2 benchmarks beyond the budget");
        HistoryEntry entry = history().get(0);
        assertThat(entry.anchor()).isEqualTo(new AnchorCheck(anchor, Instant.parse("2026-11-02T10:00:00Z"),
                "release 1.4", 0.10));
        assertThat(entry.changes().get("a").change()).isBetween(0.125, 0.135);
        assertThat(entry.changes().get("a").low()).isLessThan(entry.changes().get("a").change());
        // the baseline was committed after its anchor, as always: no news to a drift check
        assertThat(outcome.report().warnings()).noneMatch(w -> w.startsWith("BASELINE"));
    }

    @Test
    void driftAboveHalfTheBudgetWarnsAndWithinHalfPasses() {
        assertThat(drift(1.07, null).report().verdict()).isEqualTo(OverallVerdict.WARN);
        assertThat(drift(1.13, 0.30).report().verdict()).as("--drift-budget 30%: 13% is within half").isEqualTo(
                OverallVerdict.PASS);
        assertThat(drift(1.13, 0.20).report().verdict()).as("--drift-budget 20%: 13% is above half")
                .isEqualTo(OverallVerdict.WARN);
    }

    @Test
    void theSuiteSettingIsTheBudgetUnlessTheOptionSaysOtherwise() throws IOException {
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate: drift_budget=20%\n");
        assertThat(drift(1.13, null).report().policy().failThreshold()).isEqualTo(0.20);
        assertThat(drift(1.13, 0.15).report().policy().failThreshold()).isEqualTo(0.15);
    }

    @Test
    void whatCannotBeComparedIsRefusedBeforeAnythingRunsSayingHowToReAnchor() throws IOException {
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", 1.0, "a"), () -> { });
        Check check = new Check(engine, listener);
        CheckRequest.Drift d = new CheckRequest.Drift(true, null, false);

        BaselineJson.write(new Baseline(Recorded.run("perf", 1.0, 1, "a"), new Provenance("me", Instant.EPOCH,
                "0123456789abcdef0123456789abcdef01234567", "r.json", "old", "perf")), suite.resolve("baseline.json"));
        assertThatThrownBy(() -> check.run(request(d, suite))).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("the anchor commit 0123456 (accepted 1970-01-01) is not in")
                .hasMessageContaining("re-anchor by measuring a commit of this history");

        BaselineJson.write(new Baseline(Recorded.run("perf", 1.0, 1, "a"), null), suite.resolve("baseline.json"));
        assertThatThrownBy(() -> check.run(request(d, suite))).hasMessageContaining("records no commit")
                .hasMessageContaining("re-anchor");

        Files.delete(suite.resolve("baseline.json"));
        assertThatThrownBy(() -> check.run(request(d, suite))).hasMessageContaining("no baseline at")
                .hasMessageContaining("re-anchor");

        Path outside = Recorded.suite(outsideGit, "perf", "a");
        assertThatThrownBy(() -> check.run(request(d, outside))).hasMessageContaining("is not in a git repository");

        CheckRequest r = request(d, suite);
        CheckRequest bundled = new CheckRequest(new Subject.Measured(new Side(new SuiteSource.Bundled("tviews"),
                Server.EMBEDDED), Selection.ALL, Settings.EMPTY), false, r.against(), r.policy(), r.judging(),
                r.results(), r.reports(), r.history(), false, d);
        assertThatThrownBy(() -> check.run(bundled)).hasMessageContaining("bundled demo suite has none");
        CheckRequest both = new CheckRequest(r.subject(), false, new CheckRequest.Against("HEAD~1", null, null,
                Duration.ofMinutes(1), dir.resolve("b.json")), r.policy(), r.judging(), r.results(), r.reports(),
                r.history(), false, d);
        assertThatThrownBy(() -> check.run(both)).hasMessageContaining("both name the base");
        CheckRequest stored = new CheckRequest(r.subject(), false, null, r.policy(), r.judging(), r.results(),
                r.reports(), r.history(), false, new CheckRequest.Drift(false, 0.2, false));
        assertThatThrownBy(() -> check.run(stored)).hasMessageContaining("only an A/B check measures");
        assertThat(engine.calls).isZero();
    }

    @Test
    void aPullRequestsChangeIsAddedToMainsLastDriftOnTheLogScale() {
        HistoryStore.open(dir.resolve("out/history.jsonl").toString()).append(new HistoryEntry(
                new RunResult("perf", Instant.now().minus(Duration.ofDays(2)), new GitInfo("d4e5f6a0", "main", false),
                        Recorded.MACHINE, new RunSettings(40, 6, false, Map.of()),
                        Recorded.run("perf", 1.0, 1, "a", "b").benchmarks()),
                "warn", Map.of("a", "warning", "b", "ok"),
                Map.of("a", new ChangeEstimate(0.079, 0.06, 0.098), "b", new ChangeEstimate(0.01, -0.01, 0.03)),
                new AnchorCheck(anchor, null, "release 1.4", 0.10)));
        var engine = new Recorded.Engine(null, Recorded.abPair("perf", 1.03, "a", "b"), () -> { });
        CheckRequest r = request(CheckRequest.Drift.NONE, suite);
        CheckRequest pr = new CheckRequest(r.subject(), false, new CheckRequest.Against("HEAD~1", null, null,
                Duration.ofMinutes(1), dir.resolve("out/base.json")), r.policy(), r.judging(), r.results(),
                r.reports(), r.history(), false, CheckRequest.Drift.NONE);

        CheckOutcome warned = new Check(engine, listener).run(pr);

        // 1.079 x 1.030 = 1.1114 to 1.079 x 1.035 = 1.1168 (the recorded pairs are 1.03 x, give or take 0.2 %)
        assertThat(warned.report().warnings()).anyMatch(w -> w.matches("BUDGET: drift since anchor \\+7\\.9% \\(main at "
                + "d4e5f6a, measured 2 days ago\\) \\+ this change \\+3\\.[0-4]% ≈ \\+11\\.[1-7]% \\[.*") && w.endsWith(
                "in a: over the 10% budget (warns; --fail-on-budget fails)"));
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.report().verdict()).isEqualTo(OverallVerdict.WARN);
        // HEAD added the baseline that HEAD~1 lacked: the pull request's comment says so (issue 22, item 9)
        assertThat(warned.report().warnings()).anyMatch(w -> w.startsWith("BASELINE ADDED in this change: "
                + suite.resolve("baseline.json")) && w.contains("(accepted by me at 2026-11-02T10:00:00Z: release 1.4)"));

        CheckRequest strict = new CheckRequest(pr.subject(), false, pr.against(), pr.policy(), pr.judging(),
                pr.results(), pr.reports(), pr.history(), false, new CheckRequest.Drift(false, null, true));
        assertThat(new Check(engine, listener).run(strict).exitCode()).isEqualTo(1);
        CheckRequest roomy = new CheckRequest(pr.subject(), false, pr.against(), pr.policy(), pr.judging(),
                pr.results(), pr.reports(), pr.history(), false, new CheckRequest.Drift(false, 0.25, true));
        assertThat(new Check(engine, listener).run(roomy).report().warnings())
                .anyMatch(w -> w.endsWith("within the 25% budget"));
    }

    @Test
    void acceptRecordsTheCommitAndTheSuitesFolderInIt() {
        Path results = dir.resolve("r.json");
        String head = git("rev-parse", "HEAD");
        RunResult run = new RunResult("perf", Instant.now(), new GitInfo(head, "main", false), Recorded.MACHINE,
                new RunSettings(40, 6, false, Map.of(RunSettings.SUITE_FOLDER_KEY, suite.toString())),
                Recorded.run("perf", 1.0, 3, "a", "b").benchmarks());
        ResultsJson.write(run, results);

        new Accept(listener).run(new AcceptRequest(results, "release 1.5", null, null, true, false, false));

        Provenance p = BaselineJson.read(suite.resolve("baseline.json")).provenance();
        assertThat(p.commit()).isEqualTo(head);
        assertThat(p.suiteFolder()).isEqualTo("perf");
        assertThat(listener.notes).anyMatch(n -> n.startsWith("anchor: commit " + head.substring(0, 10)
                + ", suite folder perf"));
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
                "-c", "user.email=t@t"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
