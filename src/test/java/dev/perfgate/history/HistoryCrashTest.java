package dev.perfgate.history;

import dev.perfgate.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appenders killed with SIGKILL at random moments, lines of ~8 MB so that a kill often lands inside a write:
 * afterwards the history reads without error, every run read is one that was appended whole, at most the torn
 * lines are skipped (with a warning each), and the next append is read back.
 */
class HistoryCrashTest {

    private static final int BENCHMARKS = 200;
    private static final int SAMPLES = 2000;

    @TempDir
    Path dir;

    @Test
    void killedAppendersNeverMakeTheHistoryUnreadable() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Random random = new Random(3);
        for (int writer = 0; writer < 6; writer++) {
            Process p = HistoryAppenderProcess.command(file, writer, 1000, BENCHMARKS, SAMPLES)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(600 + random.nextInt(900));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        List<String> warnings = new ArrayList<>();
        List<HistoryEntry> runs = read(file, warnings);
        for (HistoryEntry run : runs) {
            int writer = Integer.parseInt(run.run().suite().substring("writer-".length()));
            int i = Integer.parseInt(run.run().git().commit().substring(run.run().git().commit().indexOf('-') + 1));
            assertThat(run).isEqualTo(HistoryTestRuns.appended(writer, i, BENCHMARKS, SAMPLES));
        }
        assertThat(warnings).allSatisfy(w -> assertThat(w).contains("cut short"));
        assertThat(warnings.size()).isLessThanOrEqualTo(6);

        HistoryEntry after = HistoryTestRuns.appended(99, 0, 2, 3);
        new HistoryFile(file).append(after);
        List<HistoryEntry> again = read(file, new ArrayList<>());
        assertThat(again).hasSize(runs.size() + 1).endsWith(after);
        System.out.printf("HistoryCrashTest: 6 kills, %d runs intact, %d torn lines skipped, %d MB%n", runs.size(),
                warnings.size(), Files.size(file) >> 20);
    }

    private static List<HistoryEntry> read(Path file, List<String> warnings) {
        List<HistoryEntry> entries = new ArrayList<>();
        new HistoryFile(file).forEach(entries::add, warnings::add);
        return entries;
    }
}
