package dev.perfgate.gate;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pull request's A/B check says when the change also updates the suite's baseline (issue 22, item 9). */
class BaselineChangeTest {

    @TempDir
    Path repo;

    @Test
    void aChangedBaselineIsNamedWithItsReasonAndSummary() throws Exception {
        Path perf = Recorded.suite(repo, "perf", "q");
        git("init", "-q");
        accept(perf, 1.0, "first baseline");
        String base = commit("suite and baseline");
        assertThat(BaselineChange.line(perf, "perf", base)).isNull(); // the base's baseline: nothing to say

        accept(perf, 1.3, "new index on orders");
        String line = BaselineChange.line(perf, "perf", base);
        assertThat(line).startsWith("BASELINE UPDATED in this change: " + perf.resolve("baseline.json"))
                .contains(": new index on orders)").contains("review " + perf.resolve("baseline.summary.md"));
        ComparisonReport report = RegressionCheck.compare(Recorded.run("perf", 1.0, 1, "q"),
                Recorded.run("perf", 1.0, 2, "q"), Policy.DEFAULT);
        assertThat(BaselineChange.noted(report, perf, "perf", base).warnings()).contains(line);

        commit("new baseline");
        assertThat(BaselineChange.line(perf, "perf", "HEAD")).isNull();
    }

    @Test
    void aBaselineTheBaseLackedIsAdded() throws Exception {
        Path perf = Recorded.suite(repo, "perf", "q");
        git("init", "-q");
        String base = commit("suite only");
        assertThat(BaselineChange.line(perf, "perf", base)).isNull(); // no baseline at all
        accept(perf, 1.0, "first baseline");
        assertThat(BaselineChange.line(perf, "perf", base)).startsWith("BASELINE ADDED in this change");
        assertThat(BaselineChange.line(perf, "perf", null)).isNull(); // not a git revision: nothing to compare
    }

    private void accept(Path perf, double median, String reason) {
        Path results = repo.resolve("results-" + median + ".json");
        RunResult run = Recorded.run("perf", median, 7, "q");
        ResultsJson.write(run, results);
        new Accept(new Recorded.Listener()).run(new AcceptRequest(results, reason, null, perf, true, false, false));
        try {
            Files.delete(results);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
