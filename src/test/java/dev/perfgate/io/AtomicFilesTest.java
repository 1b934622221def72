package dev.perfgate.io;

import dev.perfgate.results.Fixtures;
import dev.perfgate.results.ResultsJsonBadInputTest;
import dev.perfgate.results.ResultsJson;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link AtomicFiles#write} replaces a file whole or not at all, and says why when it cannot; driven through its
 * main user, {@link ResultsJson#write}.
 */
class AtomicFilesTest {

    private static final String OLD = "{\"old\": true}\n";

    @Test
    void replacesTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, OLD);
        ResultsJson.write(Fixtures.minimalRun(), file);
        assertThat(Files.readString(file)).isEqualTo(ResultsJson.toJson(Fixtures.minimalRun()));
        assertThat(listing(dir)).containsExactly("results.json");
    }

    @Test
    void createsParentDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/c/results.json");
        ResultsJson.write(Fixtures.minimalRun(), file);
        assertThat(ResultsJson.read(file)).isEqualTo(Fixtures.minimalRun());
    }

    /** Permission bits do not stop root, so this one is skipped when the tests run as root (as in CI here). */
    @Test
    void readOnlyDirectoryKeepsTheOldFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path file = dir.resolve("results.json");
        Files.writeString(file, OLD);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "running as root: a read-only directory is still writable");
            PerfgateException e = catchThrowableOfType(PerfgateException.class,
                    () -> ResultsJson.write(Fixtures.fullRun(), file));
            assertThat(e.getMessage()).startsWith("cannot write " + file).contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(Files.readString(file)).isEqualTo(OLD);
        assertThat(listing(dir)).containsExactly("results.json");
    }

    /**
     * The root-proof way to make the final rename fail after the temporary file is written and synced: the
     * target is a directory. Its content survives, and the temporary file is cleaned up.
     */
    @Test
    void failedRenameKeepsWhatWasThereAndCleansUp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), OLD);
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> ResultsJson.write(Fixtures.fullRun(), target));
        ResultsJsonBadInputTest.assertOneClearLine(e.getMessage(), "cannot write " + target);
        assertThat(e.getMessage()).contains("unchanged");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo(OLD);
        assertThat(listing(dir)).containsExactly("results.json");
    }

    @Test
    void fileInTheWayOfTheParentDirectoryIsNamed(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("out");
        Files.writeString(blocker, OLD);
        Path file = blocker.resolve("results.json");
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> ResultsJson.write(Fixtures.fullRun(), file));
        ResultsJsonBadInputTest.assertOneClearLine(e.getMessage(), "cannot write " + file);
        assertThat(e.getMessage()).contains(blocker.toString());
        assertThat(Files.readString(blocker)).isEqualTo(OLD);
    }

    /** A run that could not be read back (here a NaN sample) is refused before the old file is touched. */
    @Test
    void unreadableRunIsRefusedAndKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, OLD);
        RunResult bad = new RunResult(null, null, null, null, null,
                List.of(new BenchmarkResult("a", "ms", null, List.of(1.0, Double.NaN))));
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.write(bad, file));
        assertThat(e.getMessage()).contains("\"a\"", "sample 1 is NaN");
        assertThat(Files.readString(file)).isEqualTo(OLD);
        assertThat(listing(dir)).containsExactly("results.json");
    }

    @Test
    void duplicateNamesAndEmptyRunsAreRefused() {
        BenchmarkResult a = new BenchmarkResult("a", "ms", null, List.of(1.0));
        assertThat(catchThrowableOfType(PerfgateException.class, () -> ResultsJson.toJson(
                new RunResult(null, null, null, null, null, List.of(a, a)))).getMessage()).contains("two benchmarks");
        assertThat(catchThrowableOfType(PerfgateException.class, () -> ResultsJson.toJson(
                new RunResult(null, null, null, null, null, List.of()))).getMessage()).contains("no benchmarks");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
