package dev.perfgate.history;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tears made on purpose, where a crash mid-append leaves them: the history cut inside its last line, at every byte
 * of it. Each cut reads back the runs before it with exactly one warning; the next append closes the torn line with
 * {@link HistoryFile#TORN_MARK} (its bytes kept, never overwritten) and starts its own line; every run reads back,
 * the torn one stays skipped with one warning. {@link HistoryFileCrashIT} kills real appenders; HistoryFileTest has a
 * single torn line and a zero-filled tail, reliability.HistoryDamageTest the same through the commands.
 */
class HistoryFileCrashTest {

    @TempDir
    Path dir;

    private final HistoryEntry first = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1));
    private final HistoryEntry second = HistoryEntry.unchecked(HistoryTestRuns.run("s", "c2", 3, 4, 2));
    /** The run being written when the crash came: hostile names, so some cuts land inside a multi-byte character. */
    private final HistoryEntry torn = HistoryTestRuns.hostile();
    /** The same kinds of bytes (escapes, 2- to 4-byte characters, numbers, a verdict) in a short line, cut at each. */
    private final HistoryEntry tornShort = HistoryTestRuns.checked(new RunResult("s", null, null, null, null, List.of(
            new BenchmarkResult("\u00fc \u2713 \ud834\udd1e \" \\ \t", "ms", Direction.LOWER, List.of(1.5, 1e-7)))));
    private final HistoryEntry next = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c4", 2, 5, 4));

    @Test
    void everyCutOfTheLastLineReadsWithOneWarning() throws IOException {
        Path file = dir.resolve("history.jsonl");
        byte[] before = lines(first, second);
        byte[] line = HistoryLines.encode(tornShort).getBytes(StandardCharsets.UTF_8);
        assertThat(line.length).as("multi-byte characters in the line")
                .isGreaterThan(HistoryLines.encode(tornShort).length());
        // Cut between the line and its line break: the run is whole, nothing is lost or warned about.
        Files.write(file, concat(before, line));
        List<String> warnings = new ArrayList<>();
        assertThat(read(file, warnings)).containsExactly(first, second, tornShort);
        assertThat(warnings).isEmpty();
        // Shorter and shorter, in place (rewriting the file each time costs ext4 a flush per cut)
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int cut = line.length - 1; cut > 0; cut--) {
                out.truncate(before.length + cut);
                warnings.clear();
                assertThat(read(file, warnings)).as("cut at byte %d of %d", cut, line.length)
                        .containsExactly(first, second);
                assertThat(warnings).as("cut at byte %d", cut).singleElement().asString()
                        .startsWith(file + ":3: skipped the last line: it is incomplete, a write cut short by a crash");
            }
        }
    }

    /** At the first byte, inside a character, in the middle and at the last byte: the append closes the tear. */
    @Test
    void theNextAppendClosesTheTornLineAndEveryRunReadsBack() throws IOException {
        byte[] before = lines(first, second);
        byte[] line = HistoryLines.encode(torn).getBytes(StandardCharsets.UTF_8);
        int insideACharacter = IntStream.range(1, line.length).filter(i -> (line[i] & 0xC0) == 0x80).findFirst()
                .orElseThrow();
        for (int cut : new int[]{1, insideACharacter, line.length / 2, line.length - 1}) {
            Path file = dir.resolve("history-" + cut + ".jsonl");
            byte[] crashed = concat(before, Arrays.copyOf(line, cut));
            Files.write(file, crashed);

            new HistoryFile(file).append(next);
            assertThat(Files.readAllBytes(file)).as("cut at %d: the torn bytes kept, closed by the mark", cut)
                    .isEqualTo(concat(crashed, (HistoryFile.TORN_MARK + "\n").getBytes(StandardCharsets.UTF_8),
                            lines(next)));
            List<String> warnings = new ArrayList<>();
            assertThat(read(file, warnings)).containsExactly(first, second, next);
            assertThat(warnings).singleElement().asString()
                    .isEqualTo(file + ":3: skipped a run whose write was cut short by a crash; delete that line to "
                            + "silence this warning");

            byte[] closed = Files.readAllBytes(file);
            new HistoryFile(file).append(first);
            assertThat(Files.readAllBytes(file)).as("a closed tear needs no second mark").isEqualTo(concat(closed,
                    lines(first)));
            warnings.clear();
            assertThat(read(file, warnings)).containsExactly(first, second, next, first);
            assertThat(warnings).hasSize(1);
        }
    }

    /** A crash, an append, another crash: two torn lines, each skipped with its own warning, no run lost. */
    @Test
    void tearsOfTwoCrashesStayApart() throws IOException {
        Path file = dir.resolve("history.jsonl");
        byte[] line = HistoryLines.encode(torn).getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(lines(first), Arrays.copyOf(line, line.length / 3)));
        new HistoryFile(file).append(second);
        Files.write(file, Arrays.copyOf(line, 2 * line.length / 3), StandardOpenOption.APPEND);

        List<String> warnings = new ArrayList<>();
        assertThat(read(file, warnings)).containsExactly(first, second);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(file + ":2: skipped a run whose write was cut short");
        assertThat(warnings.get(1)).startsWith(file + ":4: skipped the last line: it is incomplete");

        new HistoryFile(file).append(next);
        warnings.clear();
        assertThat(read(file, warnings)).containsExactly(first, second, next);
        assertThat(warnings).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("skipped a run whose write was cut short"));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(5)
                .filteredOn(l -> l.endsWith(HistoryFile.TORN_MARK)).hasSize(2);
    }

    private static List<HistoryEntry> read(Path file, List<String> warnings) {
        List<HistoryEntry> entries = new ArrayList<>();
        new HistoryFile(file).forEach(entries::add, warnings::add);
        return entries;
    }

    /** The lines {@link HistoryFile#append} writes for these runs. */
    private static byte[] lines(HistoryEntry... entries) {
        StringBuilder text = new StringBuilder();
        for (HistoryEntry e : entries) text.append(HistoryLines.encode(e)).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
