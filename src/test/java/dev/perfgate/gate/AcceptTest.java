package dev.perfgate.gate;

import dev.perfgate.model.RunResult;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
