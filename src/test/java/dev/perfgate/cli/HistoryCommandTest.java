package dev.perfgate.cli;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Direction;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.history.HistoryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code history analyze} names the first commit of a shift injected into a synthetic history; list and plot. */
class HistoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void analyzeFindsTheInjectedShiftAndItsCommit() throws Exception {
        Path file = dir.resolve("h.jsonl");
        HistoryFile history = new HistoryFile(file);
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 80; run++) {
            double level = run < 50 ? 1.0 : 1.08; // +8 %: under the 10 % fail threshold, a slow creep
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < 30; i++) samples.add(level * Math.exp(0.02 * gaussian(random)));
            RunResult r = new RunResult("s", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * run),
                    new GitInfo(String.format("%03d", run) + "f".repeat(37), "main", false), null, null,
                    List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples)));
            history.append(HistoryEntry.unchecked(r));
        }
        CliRun analyze = CliRun.of("history", "analyze", "--history", file.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("q", "050fffffff", "+8.").containsPattern("q +time +51 ");

        CliRun list = CliRun.of("history", "list", "--history", file.toString(), "--last", "3");
        assertThat(list.out().lines()).hasSize(5).anyMatch(l -> l.startsWith(" 80"));

        CliRun plot = CliRun.of("history", "plot", "--history", file.toString(), "--out", dir.resolve("c").toString());
        assertThat(plot.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("c/index.html"))).contains("050ffff");
    }

    @Test
    void aStepOverSixteenMainRunsIsFoundInTimeAndAtOnceInTheBuffers() throws Exception {
        // issue 22: 16 main runs, a +45 % time step and an exact 11 -> 16 shared-buffer step said "No persistent
        // shift"; the step here comes after 5 runs, the fewest a shift in time may have on a side
        Path file = dir.resolve("h.jsonl");
        HistoryFile history = new HistoryFile(file);
        SplittableRandom random = new SplittableRandom(22);
        for (int run = 0; run < 16; run++) {
            history.append(HistoryEntry.unchecked(run(run, run < 5 ? 1.0 : 1.45, run < 5 ? 11 : 16, 0.02, random)));
        }
        CliRun analyze = CliRun.of("history", "analyze", "--history", file.toString());
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).containsPattern("q +time +6 .* 005fffffff +\\+4\\d\\.\\d%")
                .containsPattern("q +shared buffers +6 .* 005fffffff +\\+45\\.5% +11 +16 +exact")
                .contains("at least 5 runs on each side");
    }

    @Test
    void aBufferStepIsAChangePointAfterOneRunAndFewRunsSayWhatTheyLack() throws Exception {
        Path file = dir.resolve("h.jsonl");
        HistoryFile history = new HistoryFile(file);
        SplittableRandom random = new SplittableRandom(23);
        for (int run = 0; run < 4; run++) history.append(HistoryEntry.unchecked(run(run, 1.0, 11, 0.02, random)));
        CliRun few = CliRun.of("history", "analyze", "--history", file.toString());
        assertThat(few.out()).startsWith("No persistent shift in 1 benchmark over 4 runs (too few to search for a "
                + "shift in time: 10 are needed)").contains("shows from its first run");

        history.append(HistoryEntry.unchecked(run(4, 1.0, 16, 0.02, random)));
        CliRun step = CliRun.of("history", "analyze", "--history", file.toString());
        assertThat(step.out()).containsPattern("q +shared buffers +5 .* 004fffffff .* exact")
                .doesNotContainPattern("q +rows"); // one row per iteration throughout: no step

        history.append(HistoryEntry.unchecked(run(5, 1.0, 16, 3, 0.02, random)));
        assertThat(CliRun.of("history", "analyze", "--history", file.toString()).out())
                .containsPattern("q +rows +6 .* 005fffffff +\\+200\\.0% +1 +3 +exact");
    }

    /** Run {@code run} of a one-benchmark suite: 30 samples around {@code median} ms, {@code buffers} hits per iteration. */
    private static RunResult run(int run, double median, long buffers, double sigma, SplittableRandom random) {
        return run(run, median, buffers, 1, sigma, random);
    }

    private static RunResult run(int run, double median, long buffers, long rows, double sigma,
                                 SplittableRandom random) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(median * Math.exp(sigma * gaussian(random)));
        Counters counters = new Counters(Map.of(Counters.SHARED_HIT, new long[]{buffers, buffers, buffers},
                Counters.SHARED_READ, new long[]{0, 0, 0}, Counters.ROWS, new long[]{rows, rows, rows}), null, true,
                List.of());
        return new RunResult("s", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * run),
                new GitInfo(String.format("%03d", run) + "f".repeat(37), "main", false), null, null,
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, samples, null, counters, false)));
    }

    @Test
    void aCorruptLineInTheMiddleIsOneClearLine() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"q\",\"samples\":[1]}]}\n"
                + "{not json\n"
                + "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"q\",\"samples\":[1]}]}\n");
        CliRun list = CliRun.of("history", "list", "--history", file.toString());
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.errorLines()).contains("h.jsonl:2").hasLineCount(1);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
