package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A damaged history, end to end through {@code check} and {@code history list|plot|analyze}: a line torn by a crash
 * mid-append is skipped with a warning and never stops a command; a corrupt line in the middle is one clear line
 * naming it (exit 2) for the readers, while {@code check} still appends; eight checks at once all land; no stored run
 * is ever lost. The store's own tests (history.HistoryFileTest, HistoryFileCrashTest and -IT,
 * HistoryFileConcurrencyTest and -IT) cover the file format in detail.
 */
class HistoryDamageTest {

    @TempDir
    Path dir;
    Path history;
    byte[] threeRuns;

    @BeforeEach
    void threeChecks() throws IOException {
        history = dir.resolve("history.jsonl");
        for (int i = 0; i < 3; i++) check().succeeds();
        threeRuns = Files.readAllBytes(history);
    }

    @Test
    void tornLastLineIsSkippedByEveryCommandAndTheNextCheckAppends() throws IOException {
        String line = Files.readAllLines(history).get(0);
        Files.writeString(history, line.substring(0, line.length() / 2), StandardOpenOption.APPEND); // no line break
        byte[] torn = Files.readAllBytes(history);

        Cli list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(runs(list)).isEqualTo(3);
        assertThat(list.err()).contains("history.jsonl:4: skipped the last line: it is incomplete");
        Cli.run("history", "analyze", "--history", history.toString()).succeeds();
        Cli.run("history", "plot", "--history", history.toString(), "--out", dir.resolve("plot").toString()).succeeds();

        check().succeeds();
        assertThat(startsWith(Files.readAllBytes(history), torn)).as("earlier bytes kept").isTrue();
        list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(runs(list)).isEqualTo(4);
        assertThat(list.err()).contains("history.jsonl:4: skipped a run whose write was cut short by a crash");
    }

    @Test
    void corruptMiddleLineIsOneClearLineAndCheckStillAppends() throws IOException {
        List<String> lines = Files.readAllLines(history);
        String corrupt = lines.get(1).replace("\"samples\":[", "\"samples\":[-1,");
        Files.writeString(history, String.join("\n", lines.get(0), corrupt, lines.get(2)) + "\n");
        byte[] damaged = Files.readAllBytes(history);

        for (String command : List.of("list", "analyze")) {
            Cli r = Cli.run("history", command, "--history", history.toString()).failsWithOneLine("history.jsonl:2: ");
            assertThat(r.messages().get(0)).contains("sample is negative", "the other runs are intact");
        }
        Cli.run("history", "plot", "--history", history.toString(), "--out", dir.resolve("plot").toString())
                .failsWithOneLine("history.jsonl:2:");

        check().succeeds(); // appending never reads the history: this run is not lost
        byte[] after = Files.readAllBytes(history);
        assertThat(startsWith(after, damaged)).isTrue();

        // The user deletes the line the message names; every other run is there.
        List<String> fixed = Files.readAllLines(history);
        fixed.remove(1);
        Files.write(history, fixed);
        assertThat(runs(Cli.run("history", "list", "--history", history.toString()).succeeds())).isEqualTo(3);
    }

    @Test
    void garbageAndZerosAfterACrashAreATornLineToo() throws IOException {
        Files.write(history, new byte[]{0, 0, 0, 0, (byte) 0xC3, '{', '"'}, StandardOpenOption.APPEND);
        Cli list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(runs(list)).isEqualTo(3);
        check().succeeds();
        assertThat(runs(Cli.run("history", "list", "--history", history.toString()).succeeds())).isEqualTo(4);
        assertThat(startsWith(Files.readAllBytes(history), threeRuns)).isTrue();
    }

    /** Eight checks at once on one history (the store's test does it with eight processes): every run lands whole. */
    @Test
    void eightConcurrentChecksLoseNoRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Cli>> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) checks.add(pool.submit(this::check));
            for (Future<Cli> c : checks) c.get(60, TimeUnit.SECONDS).succeeds();
        } finally {
            pool.shutdownNow();
        }
        Cli list = Cli.run("history", "list", "--history", history.toString(), "--last", "100").succeeds();
        assertThat(runs(list)).isEqualTo(11);
        assertThat(list.err()).doesNotContain("warning");
        assertThat(startsWith(Files.readAllBytes(history), threeRuns)).isTrue();
    }

    private Cli check() {
        return Cli.run("check", "--import", "hyperfine", Cli.HYPERFINE.toString(), "-o",
                dir.resolve("results.json").toString(), "--history", history.toString());
    }

    /** Rows of the {@code history list} table. */
    private static long runs(Cli list) {
        return list.out().lines().filter(l -> l.matches("\\s*\\d+ .*")).count();
    }

    private static boolean startsWith(byte[] all, byte[] prefix) {
        return all.length >= prefix.length && Arrays.equals(Arrays.copyOf(all, prefix.length), prefix);
    }

}
