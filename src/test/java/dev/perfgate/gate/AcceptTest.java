package dev.perfgate.gate;

import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.history.HistoryFile;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code baseline accept}'s decisions: what is refused, when it asks, what it records. */
class AcceptTest {

    @TempDir
    Path dir;

    private final Recorded.Listener listener = new Recorded.Listener();

    private Path results(RunResult run) {
        Path file = dir.resolve("results.json");
        ResultsJson.write(run, file);
        return file;
    }

    @Test
    void anApprovedRunBecomesTheBaselineWithItsReason() {
        Path results = results(Recorded.run("perf", 1.0, 1, "a"));
        Path baseline = dir.resolve("baseline.json");
        boolean accepted = new Accept(listener).run(new AcceptRequest(results, " release 1.4 ", baseline, null, true,
                false, true));
        assertThat(accepted).isTrue();
        assertThat(BaselineJson.read(baseline).provenance().reason()).isEqualTo("release 1.4");
    }

    @Test
    void inCiWithoutYesNothingChanges() {
        Path results = results(Recorded.run("perf", 1.0, 1, "a"));
        Path baseline = dir.resolve("baseline.json");
        assertThatThrownBy(() -> new Accept(listener).run(new AcceptRequest(results, "r", baseline, null, false, false,
                true))).hasMessageContaining("refusing to change the baseline in CI without approval");
        assertThat(baseline).doesNotExist();
    }

    @Test
    void aRunOfAnotherSuiteIsRefusedUnlessForced() {
        Path baseline = dir.resolve("baseline.json");
        new Accept(listener).run(new AcceptRequest(results(Recorded.run("perf", 1.0, 1, "a")), "r", baseline, null,
                true, false, false));
        Path other = results(Recorded.run("other", 1.0, 2, "a"));
        assertThatThrownBy(() -> new Accept(listener).run(new AcceptRequest(other, "r", baseline, null, true, false,
                false))).hasMessageContaining("is suite perf's baseline");
        assertThat(new Accept(listener).run(new AcceptRequest(other, "r", baseline, null, true, true, false))).isTrue();
    }

    @Test
    void aBlankReasonIsRefused() {
        Path results = results(Recorded.run("perf", 1.0, 1, "a"));
        assertThatThrownBy(() -> new Accept(listener).run(new AcceptRequest(results, "  ", null, null, true, false,
                false))).hasMessageContaining("--reason is empty");
    }

    @Test
    void theDiffIsWidenedByTheRunToRunNoiseAsACheckWouldBe() {
        // issue 22: accept showed "example_update +52.0% REGRESSION" between two runs of unchanged code; a check
        // judging the same two runs widens by the run-to-run noise (the 25 % prior without a history) and does not fail
        Path baseline = dir.resolve("baseline.json");
        new Accept(listener).run(new AcceptRequest(results(Recorded.run("perf", 1.0, 1, "example_update")), "first",
                baseline, null, true, false, false));
        Recorded.Listener second = new Recorded.Listener();
        new Accept(second).run(new AcceptRequest(results(Recorded.run("perf", 1.52, 2, "example_update")), "again",
                baseline, null, true, false, false, dir.resolve("history.jsonl").toString()));
        assertThat(second.out.toString()).containsPattern("\\+5\\d\\.\\d%").contains("widened for run-to-run noise")
                .containsPattern("example_update .* WARNING").doesNotContain("REGRESSION");
        assertThat(RegressionCheck.compare(Recorded.run("perf", 1.0, 1, "example_update"),
                Recorded.run("perf", 1.52, 2, "example_update"), Policy.DEFAULT).verdict())
                .isEqualTo(OverallVerdict.FAIL); // unwidened, as accept showed it before
    }

    @Test
    void aSummaryForReviewersIsWrittenBesideTheBaseline() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        new Accept(listener).run(new AcceptRequest(results(Recorded.run("perf", 1.0, 1, "a", "b")), "first",
                baseline, null, true, false, false));
        String first = Files.readString(dir.resolve("baseline.summary.md"));
        assertThat(first).startsWith("# perfgate baseline of suite `perf`: first").containsPattern("\\| a \\| - \\| \\d\\.\\d+ ms \\| - \\| new \\|");
        new Accept(listener).run(new AcceptRequest(results(Recorded.run("perf", 2.0, 2, "a", "b")), "index dropped",
                baseline, null, true, false, false));
        String summary = Files.readString(dir.resolve("baseline.summary.md"));
        Provenance p = BaselineJson.read(baseline).provenance();
        assertThat(summary.lines().findFirst()).hasValue("# perfgate baseline of suite `perf`: index dropped");
        assertThat(summary).contains("Accepted by " + p.acceptedBy())
                .contains(p.acceptedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .containsPattern("\\| a \\| \\d\\.\\d+ ms \\| \\d\\.\\d+ ms \\| \\+\\d+\\.\\d%")
                .contains("shared_hit").contains("widened for run-to-run noise");
        assertThat(listener.out.toString()).contains("summarized in " + dir.resolve("baseline.summary.md"));
    }

    @Test
    void aRunFasterThanTheRecordedOnesIsWarnedAbout() throws IOException {
        Path history = dir.resolve("history.jsonl");
        HistoryFile store = new HistoryFile(history);
        for (int i = 0; i < 10; i++) {
            store.append(HistoryEntry.unchecked(Recorded.run("perf", 1.2 + 0.03 * i, 10 + i, "a", "b")));
        }
        Path baseline = dir.resolve("baseline.json");
        new Accept(listener).run(new AcceptRequest(results(Recorded.run("perf", 1.0, 1, "a", "b")), "fast one",
                baseline, null, true, false, false, history.toString()));
        assertThat(listener.warnings).anyMatch(w -> w.startsWith("this run is faster than most recorded runs")
                && w.contains("a faster than 10 of 10"));
        assertThat(Files.readString(dir.resolve("baseline.summary.md"))).contains("⚠ this run is faster");

        Recorded.Listener typical = new Recorded.Listener();
        new Accept(typical).run(new AcceptRequest(results(Recorded.run("perf", 1.33, 3, "a", "b")), "typical",
                baseline, null, true, false, false, history.toString()));
        assertThat(typical.warnings).noneMatch(w -> w.contains("recorded runs"));
    }
}
