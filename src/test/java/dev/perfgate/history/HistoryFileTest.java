package dev.perfgate.history;

import dev.perfgate.results.ResultsJson;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON-lines history: appends, torn and corrupt lines, and paths it cannot use. */
class HistoryFileTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void appendsOneResultsLinePerRunAndReadsThemBackInOrder() throws IOException {
        Path file = dir.resolve("sub/dir/history.jsonl");
        List<HistoryEntry> entries = List.of(HistoryEntry.unchecked(HistoryTestRuns.run("s", "c1", 3, 30, 1)),
                HistoryTestRuns.checked(HistoryTestRuns.run("s", "c2", 3, 30, 2)), HistoryTestRuns.hostile());
        HistoryFile history = new HistoryFile(file);
        entries.forEach(history::append);

        assertThat(read(file)).isEqualTo(entries);
        assertThat(warnings).isEmpty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(ResultsJson.parse(lines.get(i), "line")).isEqualTo(entries.get(i).run());
        }
        assertThat(Files.readString(file)).endsWith("}\n");
    }

    @Test
    void aMissingHistoryIsEmptyWithAWarning() {
        assertThat(read(dir.resolve("none.jsonl"))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("no history at").contains("none.jsonl");
    }

    /** A crash mid-write: the torn line is skipped, and after the next append it stays skipped, not an error. */
    @Test
    void tornLastLineIsSkippedWithAWarningAndTheNextAppendIsReadable() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryEntry first = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1));
        new HistoryFile(file).append(first);
        String full = HistoryLines.encode(HistoryTestRuns.checked(HistoryTestRuns.run("s", "c2", 2, 5, 2)));
        Files.writeString(file, full.substring(0, full.length() / 2), java.nio.file.StandardOpenOption.APPEND);

        assertThat(read(file)).containsExactly(first);
        assertThat(warnings).singleElement().asString().startsWith(file + ":2: skipped the last line");

        HistoryEntry third = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c3", 2, 5, 3));
        new HistoryFile(file).append(third);
        warnings.clear();
        assertThat(read(file)).containsExactly(first, third);
        assertThat(warnings).singleElement().asString().startsWith(file + ":2: skipped a run whose write was cut short");
        assertThat(Files.readAllLines(file).get(1)).endsWith(HistoryFile.TORN_MARK);
    }

    /** Power loss can leave zeros where the data was not yet written: also a torn line. */
    @Test
    void zeroFilledTailIsTornToo() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryEntry first = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1));
        new HistoryFile(file).append(first);
        Files.write(file, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        HistoryEntry second = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c2", 2, 5, 2));
        new HistoryFile(file).append(second);
        assertThat(read(file)).containsExactly(first, second);
        assertThat(warnings).hasSize(1);
    }

    /** A complete run written without a final line break (by another tool) is kept, not marked torn. */
    @Test
    void validUnterminatedLastLineIsKeptAndTheNextAppendStartsANewLine() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryEntry first = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1));
        Files.writeString(file, HistoryLines.encode(first));
        HistoryEntry second = HistoryEntry.unchecked(HistoryTestRuns.run("s", "c2", 2, 5, 2));
        new HistoryFile(file).append(second);
        assertThat(read(file)).containsExactly(first, second);
        assertThat(warnings).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void blankUnterminatedLastLineIsNotTakenForATornRun() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryEntry first = entry();
        Files.writeString(file, HistoryLines.encode(first) + "\n  ");
        new HistoryFile(file).append(first);
        assertThat(read(file)).containsExactly(first, first);
        assertThat(warnings).isEmpty();
    }

    @Test
    void corruptMiddleLineIsAClearErrorAndAppendingStillWorks() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryFile history = new HistoryFile(file);
        history.append(HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1)));
        Files.writeString(file, "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[-1]}]}\n",
                java.nio.file.StandardOpenOption.APPEND);
        history.append(HistoryTestRuns.checked(HistoryTestRuns.run("s", "c3", 2, 5, 3)));
        byte[] before = Files.readAllBytes(file);

        List<HistoryEntry> delivered = new ArrayList<>();
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> history.forEach(delivered::add, warnings::add));
        assertThat(delivered).as("the runs before the bad line, and none after").hasSize(1);
        assertThat(e.getMessage()).startsWith(file + ":2: not a valid history line (benchmarks[0].samples[0]: "
                + "sample is negative").endsWith("fix or delete that line: the other runs are intact")
                .doesNotContain("\n");
        assertThat(e.exitCode()).isEqualTo(2);

        history.append(HistoryTestRuns.checked(HistoryTestRuns.run("s", "c4", 2, 5, 4)));
        assertThat(Files.readAllBytes(file)).startsWith(before);
        assertThat(Files.readAllLines(file)).hasSize(4);
    }

    /** Lines are decoded in parallel, but the caller sees them in order and its own failure stops the read. */
    @Test
    void manyRunsArriveInOrderAndTheCallersExceptionStopsTheRead() throws IOException {
        Path file = dir.resolve("history.jsonl");
        StringBuilder lines = new StringBuilder(); // written at once: 200 appends would be 200 syncs
        for (int i = 0; i < 200; i++) {
            lines.append(HistoryLines.encode(HistoryEntry.unchecked(HistoryTestRuns.run("s", "c" + i, 3, 5, i))))
                    .append('\n');
        }
        Files.writeString(file, lines);
        HistoryFile history = new HistoryFile(file);
        List<String> commits = new ArrayList<>();
        history.forEach(e -> commits.add(e.run().git().commit()), warnings::add);
        assertThat(commits).hasSize(200).startsWith("c0", "c1").endsWith("c198", "c199");
        IllegalStateException stop = new IllegalStateException("stop");
        List<String> seen = new ArrayList<>();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> history.forEach(e -> {
            seen.add(e.run().git().commit());
            if (seen.size() == 3) throw stop;
        }, warnings::add))).isSameAs(stop);
        assertThat(seen).containsExactly("c0", "c1", "c2");
    }

    @Test
    void blankLinesAreIgnored() throws IOException {
        Path file = dir.resolve("history.jsonl");
        HistoryEntry entry = HistoryTestRuns.checked(HistoryTestRuns.run("s", "c1", 2, 5, 1));
        Files.writeString(file, "\n" + HistoryLines.encode(entry) + "\r\n  \n");
        assertThat(read(file)).containsExactly(entry);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDirectoryIsRefusedWithOneLine() throws IOException {
        Path history = Files.createDirectory(dir.resolve("history"));
        HistoryFile store = new HistoryFile(history);
        for (Runnable r : List.<Runnable>of(() -> store.append(entry()), () -> read(history))) {
            PerfgateException e = catchThrowableOfType(PerfgateException.class, r::run);
            assertThat(e.getMessage()).isEqualTo("the history " + history + " is a directory; give a file such as "
                    + history.resolve("history.jsonl"));
        }
        assertThat(history).isEmptyDirectory();
    }

    @Test
    void aFileInTheWayOfTheDirectoryIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("out"), "keep");
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> new HistoryFile(blocker.resolve("history.jsonl")).append(entry()));
        assertThat(e.getMessage()).startsWith("cannot append to the history " + blocker.resolve("history.jsonl"))
                .contains(blocker.toString()).endsWith("the runs already in it are unchanged").doesNotContain("\n");
        assertThat(Files.readString(blocker)).isEqualTo("keep");
    }

    @Test
    void aReadOnlyHistoryIsRefusedAndUnchanged() throws IOException {
        Path file = dir.resolve("history.jsonl");
        new HistoryFile(file).append(entry());
        byte[] before = Files.readAllBytes(file);
        HistoryReadOnly readOnly = HistoryReadOnly.make(file);
        try {
            PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> new HistoryFile(file).append(entry()));
            assertThat(e.getMessage()).startsWith("cannot append to the history " + file + ": ")
                    .endsWith("; the runs already in it are unchanged").doesNotContain("\n");
            assertThat(read(file)).hasSize(1); // still readable
        } finally {
            readOnly.close();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ro"));
        HistoryReadOnly readOnly = HistoryReadOnly.make(sub);
        try {
            PerfgateException e = catchThrowableOfType(PerfgateException.class,
                    () -> new HistoryFile(sub.resolve("history.jsonl")).append(entry()));
            assertThat(e.getMessage()).startsWith("cannot append to the history " + sub.resolve("history.jsonl"))
                    .doesNotContain("\n");
        } finally {
            readOnly.close();
        }
        assertThat(sub).isEmptyDirectory();
    }

    @Test
    void anUnreadableHistoryIsAClearError() throws IOException {
        Path file = dir.resolve("history.jsonl");
        new HistoryFile(file).append(entry());
        HistoryReadOnly unreadable = HistoryReadOnly.unreadable(file);
        try {
            PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> read(file));
            assertThat(e.getMessage()).isEqualTo("cannot read the history " + file + ": permission denied");
        } finally {
            unreadable.close();
        }
    }

    private static HistoryEntry entry() {
        return HistoryTestRuns.checked(HistoryTestRuns.run("s", "c", 2, 5, 1));
    }

    private List<HistoryEntry> read(Path file) {
        List<HistoryEntry> entries = new ArrayList<>();
        new HistoryFile(file).forEach(entries::add, warnings::add);
        return entries;
    }
}
