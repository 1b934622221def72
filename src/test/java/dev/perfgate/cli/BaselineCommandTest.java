package dev.perfgate.cli;

import dev.perfgate.model.Baseline;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline lifecycle: a diff first, then approval (terminal or --yes), refusal in CI, atomic write. */
class BaselineCommandTest {

    @TempDir
    Path dir;
    Path oldResults;
    Path newResults;
    Path baseline;

    @BeforeEach
    void files() {
        oldResults = write("old.json", 1.0, "aaa111");
        newResults = write("new.json", 1.3, "bbb222");
        baseline = dir.resolve("suite/baseline.json");
    }

    @Test
    void firstAcceptWithYesWritesProvenanceAndShowPrintsIt() {
        CliRun run = CliRun.of("baseline", "accept", oldResults.toString(), "--suite", dir.resolve("suite").toString(),
                "--reason", "first baseline", "--yes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No baseline at", "q1");
        Baseline b = BaselineJson.read(baseline);
        assertThat(b.provenance().reason()).isEqualTo("first baseline");
        assertThat(b.provenance().commit()).isEqualTo("aaa111");
        assertThat(b.provenance().source()).isEqualTo(oldResults.toString());
        assertThat(b.run().benchmarks().get(0).samples()).hasSize(30);
        assertThat(ResultsJson.read(baseline).benchmarks()).hasSize(1);

        CliRun show = CliRun.of("baseline", "show", "--baseline", baseline.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("from commit aaa111", "first baseline", "q1");
    }

    @Test
    void replacingShowsTheDiffAndRefusesInCiWithoutYes() throws IOException {
        accept(oldResults, "--yes");
        byte[] before = Files.readAllBytes(baseline);
        CliRun ci = CliRun.on("", false, true, "baseline", "accept", newResults.toString(), "--baseline",
                baseline.toString(), "--reason", "slower on purpose");
        assertThat(ci.exitCode()).isEqualTo(2);
        assertThat(ci.out()).contains("q1", "+30.", "WARNING"); // widened by the 25 % prior, as check would judge it
        assertThat(ci.errorLines()).contains("refusing to change the baseline in CI").hasLineCount(1);
        assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
    }

    @Test
    void onATerminalItAsksAndOnlyYesReplaces() throws IOException {
        accept(oldResults, "--yes");
        byte[] before = Files.readAllBytes(baseline);
        CliRun no = CliRun.on("n\n", true, false, "baseline", "accept", newResults.toString(), "--baseline",
                baseline.toString(), "--reason", "r");
        assertThat(no.exitCode()).isZero(); // declining is a choice, not an error
        assertThat(no.err()).contains("Make this the new baseline? [y/N]", "left unchanged");
        assertThat(Files.readAllBytes(baseline)).isEqualTo(before);

        CliRun yes = CliRun.on("y\n", true, false, "baseline", "accept", newResults.toString(), "--baseline",
                baseline.toString(), "--reason", "new index");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(BaselineJson.read(baseline).provenance().commit()).isEqualTo("bbb222");
    }

    @Test
    void withoutTerminalOrYesItRefuses() {
        CliRun run = CliRun.of("baseline", "accept", oldResults.toString(), "--baseline", baseline.toString(),
                "--reason", "r");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).contains("pass --yes");
        assertThat(baseline).doesNotExist();
    }

    @Test
    void reasonIsRequiredAndBadResultsAreRefused() throws IOException {
        assertThat(CliRun.of("baseline", "accept", oldResults.toString(), "--yes").exitCode()).isEqualTo(2);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"perfgate-results/1\", \"bench");
        CliRun run = CliRun.of("baseline", "accept", broken.toString(), "--baseline", baseline.toString(),
                "--reason", "r", "--yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).contains("broken.json");
        assertThat(baseline).doesNotExist();
    }

    @Test
    void showWithoutBaselineSaysHowToMakeOne() {
        CliRun run = CliRun.of("baseline", "show", "--baseline", dir.resolve("none.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).contains("perfgate baseline accept");
    }

    private void accept(Path results, String... extra) {
        List<String> args = new ArrayList<>(List.of("baseline", "accept", results.toString(), "--baseline",
                baseline.toString(), "--reason", "setup"));
        args.addAll(List.of(extra));
        assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).isZero();
    }

    private Path write(String name, double medianMillis, String commit) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(medianMillis * (1 + 0.01 * ((i * 7) % 11 - 5)));
        RunResult run = new RunResult("s", Instant.parse("2026-11-26T10:00:00Z"), new GitInfo(commit, "main", false),
                null, null, List.of(new BenchmarkResult("q1", "ms", Direction.LOWER, samples)));
        Path file = dir.resolve(name);
        ResultsJson.write(run, file);
        return file;
    }
}
