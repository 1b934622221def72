package dev.perfgate.history;

import dev.perfgate.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 concurrent appender threads, 20 runs each, to one history file: afterwards exactly 160 lines, each a complete
 * run, none lost, none interleaved, each writer's runs in its own order. Lines are ~15 KB, several pages each, so an
 * unlocked or split write would show. The same with eight processes, 50 runs each (file locks between JVMs):
 * HistoryFileConcurrencyIT.
 */
class HistoryFileConcurrencyTest {

    static final int WRITERS = 8;
    /** Runs per thread: each append syncs the file, so more would cost seconds and prove no more. */
    static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void eightThreadsAppendWithoutLosingOrInterleavingALine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < RUNS; i++) new HistoryFile(file).append(HistoryTestRuns.appended(writer, i));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) f.get(3, TimeUnit.MINUTES);
        pool.shutdown();
        assertComplete(file, RUNS);
    }

    /** Reading while others append sees only complete runs: the size is taken under the lock. */
    @Test
    void readersDuringAppendsSeeOnlyCompleteRuns() throws Exception {
        Path file = dir.resolve("history.jsonl");
        HistoryFile history = new HistoryFile(file);
        history.append(HistoryTestRuns.appended(0, 0));
        Thread appender = new Thread(() -> {
            for (int i = 1; i < RUNS; i++) new HistoryFile(file).append(HistoryTestRuns.appended(1, i));
        });
        appender.start();
        List<String> warnings = new ArrayList<>();
        while (appender.isAlive()) history.forEach(e -> { }, warnings::add);
        appender.join();
        assertThat(warnings).isEmpty();
    }

    static void assertComplete(Path file, int runs) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(WRITERS * runs);
        assertThat(Files.readString(file)).endsWith("\n");
        Map<Integer, Integer> next = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            byte[] line = lines.get(n).getBytes(StandardCharsets.UTF_8);
            HistoryEntry read = HistoryLines.decode(line, line.length, "line " + (n + 1), "interleaved?");
            int writer = Integer.parseInt(read.run().suite().substring("writer-".length()));
            int i = next.merge(writer, 1, Integer::sum) - 1;
            assertThat(read).isEqualTo(HistoryTestRuns.appended(writer, i)); // intact, each writer's in its order
        }
        assertThat(next).hasSize(WRITERS).allSatisfy((w, count) -> assertThat(count).isEqualTo(runs));
        List<HistoryEntry> streamed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        new HistoryFile(file).forEach(streamed::add, warnings::add);
        assertThat(streamed).hasSize(WRITERS * runs);
        assertThat(warnings).isEmpty();
    }
}
