package dev.perfgate.history;

import dev.perfgate.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appender processes killed with SIGKILL once they have started writing (the test polls the file's size to know),
 * lines of ~7 MB so that a write takes long enough to be caught: half the kills come at a random moment, half the
 * moment the file is seen to end inside a line (a write in progress). Afterwards every run read back is one that was
 * appended whole, each writer's runs are there in order with none missing before its kill, every torn line in the
 * file (closed by {@link HistoryFile#TORN_MARK}, or the last one, unterminated) costs exactly one warning and nothing
 * else, and the next append reads back. Whether a kill tears a line is up to the scheduler, so the number of tears is
 * printed, not asserted; {@link HistoryFileCrashTest} makes tears on purpose and proves each is handled.
 */
class HistoryFileCrashIT {

    private static final int KILLS = 6;
    private static final int BENCHMARKS = 200;
    private static final int SAMPLES = 2000;
    private static final long START_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final long MID_LINE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path dir;

    @Test
    void appendersKilledWhileWritingNeverCostACompleteRun() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Random random = new Random(3);
        int caughtMidLine = 0;
        for (int writer = 0; writer < KILLS; writer++) {
            long sizeBefore = Files.exists(file) ? Files.size(file) : 0;
            Path log = dir.resolve("writer-" + writer + ".log");
            Process p = HistoryAppenderProcess.command(file, writer, 1000, BENCHMARKS, SAMPLES)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitGrowth(file, sizeBefore, p, log);
                if (writer % 2 == 0) {
                    Thread.sleep(random.nextInt(800));
                } else if (awaitMidLine(file, p)) {
                    caughtMidLine++;
                }
            } finally {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(Files.size(file)).as("writer %d wrote before its kill", writer).isGreaterThan(sizeBefore);
        }

        int tears = tornLines(file);
        List<String> warnings = new ArrayList<>();
        List<HistoryEntry> runs = read(file, warnings);
        Map<Integer, Integer> next = new HashMap<>();
        for (HistoryEntry run : runs) {
            int writer = Integer.parseInt(run.run().suite().substring("writer-".length()));
            int i = next.merge(writer, 1, Integer::sum) - 1; // each writer's runs in order, none missing
            assertThat(run).isEqualTo(HistoryTestRuns.appended(writer, i, BENCHMARKS, SAMPLES));
        }
        assertThat(warnings).as("one warning per torn line").hasSize(tears)
                .allSatisfy(w -> assertThat(w).contains("cut short"));

        HistoryEntry after = HistoryTestRuns.appended(99, 0, 2, 3);
        new HistoryFile(file).append(after);
        List<String> warningsAfter = new ArrayList<>();
        assertThat(read(file, warningsAfter)).hasSize(runs.size() + 1).endsWith(after);
        assertThat(warningsAfter).hasSize(tears);
        System.out.printf("HistoryFileCrashIT: %d kills (%d caught inside a line), %d runs intact, %d torn lines, "
                + "%d MB%n",
                KILLS, caughtMidLine, runs.size(), tears, Files.size(file) >> 20);
    }

    /** Waits until the appender has written something: only then can its kill tear anything. */
    private static void awaitGrowth(Path file, long sizeBefore, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!Files.exists(file) || Files.size(file) <= sizeBefore) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the appender wrote nothing (alive: " + p.isAlive() + "): "
                        + Files.readString(log));
            }
            Thread.sleep(1);
        }
    }

    /** Spins until the file ends inside a line, a write in progress; false if none was seen in time. */
    private static boolean awaitMidLine(Path file, Process p) throws IOException {
        long deadline = System.nanoTime() + MID_LINE_TIMEOUT_NANOS;
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                long size = in.size();
                last.clear();
                if (size > 0 && in.read(last, size - 1) == 1 && last.get(0) != '\n') return true;
            }
        }
        return false;
    }

    /** Lines a crash tore: closed by the torn mark, or the last one, unterminated. */
    private static int tornLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] mark = (HistoryFile.TORN_MARK + "\n").getBytes(StandardCharsets.UTF_8);
        int tears = bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? 1 : 0;
        for (int end = indexOf(bytes, (byte) '\n', 0); end >= 0; end = indexOf(bytes, (byte) '\n', end + 1)) {
            int start = end + 1 - mark.length;
            if (start >= 0 && java.util.Arrays.equals(bytes, start, end + 1, mark, 0, mark.length)) tears++;
        }
        return tears;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }

    private static List<HistoryEntry> read(Path file, List<String> warnings) {
        List<HistoryEntry> entries = new ArrayList<>();
        new HistoryFile(file).forEach(entries::add, warnings::add);
        return entries;
    }
}
