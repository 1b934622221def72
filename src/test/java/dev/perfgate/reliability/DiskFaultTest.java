package dev.perfgate.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full or read-only disk, or something in the way, when {@code check} writes its results, reports and history, and
 * when {@code baseline accept} writes a baseline: one clear line, exit 2, and every file written before intact.
 *
 * <p>As root, permission bits do not stop writes, so the real faults come from the kernel: {@code /dev/full} (every
 * write fails with ENOSPC), a regular file where a folder should be, and a folder where a file should be; a small
 * tmpfs filled up or remounted read-only is DiskFaultIT (it mounts file systems). Results and history are written
 * with {@code check --import}, so no database is needed.
 */
class DiskFaultTest {

    @TempDir
    Path dir;

    @Test
    void historyOnAFullDiskDevFull() throws IOException {
        Path history = Files.createSymbolicLink(dir.resolve("history.jsonl"), Path.of("/dev/full"));
        Path results = dir.resolve("results.json");
        check(results, history, null).failsWithOneLine("cannot append to the history " + history
                + ": No space left on device; the runs already in it are unchanged");
        assertThat(results).exists(); // written before the history, and complete
        Cli.run("compare", results.toString(), results.toString()).succeeds();
    }

    @Test
    void aRegularFileWhereAFolderShouldBe() throws IOException {
        Path history = dir.resolve("history.jsonl");
        Path results = dir.resolve("results.json");
        check(results, history, null).succeeds();
        Path baseline = baseline(results);
        Map<String, String> before = snapshot(dir);
        Path file = Files.writeString(dir.resolve("file"), "x");
        before.put("file", "x");

        // Each named in one line, before anything runs (check tests its outputs up front)
        check(file.resolve("results.json"), history, null).failsWithOneLine(file + " is a file, not a folder");
        check(results, file.resolve("history.jsonl"), null).failsWithOneLine(file + " is a file, not a folder");
        check(dir.resolve("r2.json"), history, file.resolve("reports"), "--baseline", baseline.toString())
                .failsWithOneLine(file + " is a file, not a folder");
        assertThat(snapshot(dir)).as("earlier files intact").isEqualTo(before);
    }

    @Test
    void aFolderWhereAFileShouldBe() throws IOException {
        Path history = dir.resolve("history.jsonl");
        Path results = dir.resolve("results.json");
        check(results, history, null).succeeds();
        Path baseline = baseline(results);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("keep.txt"), "kept");
        Map<String, String> before = snapshot(dir);

        check(folder, history, null).failsWithOneLine(folder + " is a folder");
        check(results, folder.toString(), null).failsWithOneLine(folder + " is a folder");
        Files.createDirectories(dir.resolve("reports/comparison.html"));
        before = snapshot(dir);
        check(dir.resolve("r2.json"), history, dir.resolve("reports"), "--format", "html", "--baseline",
                baseline.toString())
                .failsWithOneLine(dir.resolve("reports/comparison.html") + " is a folder, where the report file goes");
        assertThat(snapshot(dir)).as("found before anything was written").isEqualTo(before);
    }

    private Path baseline(Path results) {
        Path baseline = dir.resolve("baseline.json");
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes",
                "--force").succeeds(); // hyperfine's 10 runs: fewer than a verdict needs
        return baseline;
    }

    static Cli check(Path results, Path history, Path reports, String... more) {
        return check(results, history.toString(), reports, more);
    }

    static Cli check(Path results, String history, Path reports, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--import", "hyperfine", Cli.HYPERFINE.toString(),
                "-o", results.toString(), "--history", history));
        if (reports != null) args.addAll(List.of("--out", reports.toString()));
        args.addAll(List.of(more));
        return Cli.run(args);
    }

    /** Every regular file under {@code root} (the filler aside), by relative path, with its bytes (as Latin-1). */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.endsWith("filler")).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
