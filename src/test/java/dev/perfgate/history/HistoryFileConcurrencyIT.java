package dev.perfgate.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.perfgate.history.HistoryFileConcurrencyTest.WRITERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 appender processes (each its own JVM, {@link HistoryAppenderProcess}), 50 runs each, to one history file: the
 * file lock keeps them apart as the JVM-wide lock keeps threads apart ({@link HistoryFileConcurrencyTest}).
 */
class HistoryFileConcurrencyIT {

    private static final int RUNS = 50;

    @TempDir
    Path dir;

    @Test
    void eightProcessesAppendWithoutLosingOrInterleavingALine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            processes.add(HistoryAppenderProcess.command(file, w, RUNS, 20, 30).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("writer-" + w + ".log").toFile()).start());
        }
        for (int w = 0; w < WRITERS; w++) {
            Process p = processes.get(w);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("writer %d finished", w).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("writer-" + w + ".log"))).isZero();
        }
        HistoryFileConcurrencyTest.assertComplete(file, RUNS);
    }
}
