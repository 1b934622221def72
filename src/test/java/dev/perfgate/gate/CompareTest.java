package dev.perfgate.gate;

import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code compare}'s decisions: what is paired, what is refused, what is recorded. */
class CompareTest {

    @TempDir
    Path dir;

    private final Recorded.Listener listener = new Recorded.Listener();

    private Path write(String name, RunResult run) {
        Path file = dir.resolve(name);
        ResultsJson.write(run, file);
        return file;
    }

    @Test
    void theTwoSidesOfOneAbSessionArePairedAgain() {
        var ab = Recorded.abPair("perf", 1.04, "a");
        Path base = write("base.json", ab.base());
        Path candidate = write("candidate.json", ab.candidate());
        CheckOutcome outcome = new Compare(listener).run(new CompareRequest(base, candidate, PolicyChoice.NONE,
                new ReportChoice(List.of("json"), null, null), null));
        assertThat(outcome.report().mode()).isEqualTo(dev.perfgate.analysis.ComparisonReport.Mode.AB);
        assertThat(listener.out.toString()).contains("\"mode\" : \"ab\"");
    }

    @Test
    void twoRunsOfDifferentSuitesAreRefusedBeforeAnythingIsWritten() {
        Path a = write("a.json", Recorded.run("one", 1.0, 1, "x"));
        Path b = write("b.json", Recorded.run("two", 1.0, 2, "y"));
        Path out = dir.resolve("reports");
        assertThatThrownBy(() -> new Compare(listener).run(new CompareRequest(a, b, PolicyChoice.NONE,
                new ReportChoice(List.of("json"), out, null), dir.resolve("h.jsonl").toString())))
                .hasMessageContaining("are they results of the same suite?");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("h.jsonl")).doesNotExist();
    }

    @Test
    void aRegressionIsRecordedInTheHistoryWhenOneIsGiven() {
        Path a = write("a.json", Recorded.run("perf", 1.0, 1, "x"));
        Path b = write("b.json", Recorded.run("perf", 1.5, 2, "x"));
        CheckOutcome outcome = new Compare(listener).run(new CompareRequest(a, b, PolicyChoice.NONE,
                ReportChoice.DEFAULT, dir.resolve("h.jsonl").toString()));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(dir.resolve("h.jsonl")).content().contains("\"fail\"");
    }

    @Test
    void aCounterToleranceOfZeroMeansAnyGrowth() {
        var choice = new PolicyChoice(null, null, null, null, 0.0, false, false, false);
        assertThat(choice.policy(dev.perfgate.suite.Settings.EMPTY).counterTolerance()).isZero();
    }

    @Test
    void thresholdsMovedTogetherAreOnePolicy() {
        var choice = new PolicyChoice(0.03, 0.01, null, null, null, false, false, false);
        var policy = choice.policy(dev.perfgate.suite.Settings.EMPTY);
        assertThat(policy.failThreshold()).isEqualTo(0.03);
        assertThat(policy.warnThreshold()).isEqualTo(0.01);
    }

    @Test
    void anInconsistentPolicyIsOneLine() {
        var choice = new PolicyChoice(0.05, 0.10, null, null, null, false, false, false);
        assertThatThrownBy(() -> choice.policy(dev.perfgate.suite.Settings.EMPTY))
                .hasMessageStartingWith("the verdict policy is inconsistent");
        assertThat(Files.exists(dir.resolve("h.jsonl"))).isFalse();
    }
}
