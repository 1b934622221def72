package dev.perfgate.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full or read-only disk, or something in the way, when {@code check} writes its results, reports and history, and
 * when {@code baseline accept} writes a baseline: one clear line, exit 2, and every file written before intact.
 *
 * <p>As root, permission bits do not stop writes, so the real faults come from the kernel: {@code /dev/full} (every
 * write fails with ENOSPC), a small tmpfs filled up, the same remounted read-only (those two need root and
 * {@code mount}; skipped otherwise), a regular file where a folder should be, and a folder where a file should be.
 * Results and history are written with {@code check --import}, so no database is needed.
 */
class DiskFaultTest {

    @TempDir
    Path dir;
    Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) sh("umount", "-l", mount.toString());
    }

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

        check(file.resolve("results.json"), history, null).failsWithOneLine("cannot write " + file.resolve("results.json"));
        check(results, file.resolve("history.jsonl"), null).failsWithOneLine("cannot append to the history "
                + file.resolve("history.jsonl"));
        check(dir.resolve("r2.json"), history, file.resolve("reports"), "--baseline", baseline.toString())
                .failsWithOneLine("cannot write " + file.resolve("reports"));
        Files.delete(dir.resolve("r2.json")); // complete results of the run whose reports failed
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

        check(folder, history, null).failsWithOneLine("cannot write " + folder);
        check(results, folder.toString(), null).failsWithOneLine("the history " + folder + " is a directory");
        Files.createDirectories(dir.resolve("reports/comparison.html"));
        before = snapshot(dir);
        check(dir.resolve("r2.json"), history, dir.resolve("reports"), "--format", "html", "--baseline",
                baseline.toString())
                .failsWithOneLine("cannot write " + dir.resolve("reports/comparison.html"));
        Files.delete(dir.resolve("r2.json"));
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    /** A small tmpfs, filled: results, reports, baseline and history each fail cleanly, and nothing is lost. */
    @Test
    void aFullDisk() throws Exception {
        Path disk = tmpfs("size=256k");
        Path results = disk.resolve("results.json");
        Path history = disk.resolve("history.jsonl");
        Path baseline = disk.resolve("baseline.json");
        Path reports = disk.resolve("reports");
        check(results, history, null).succeeds();
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes")
                .succeeds();
        check(results, history, reports, "--baseline", baseline.toString(), "--format", "text,json,markdown,junit,html")
                .succeeds();
        // A blank line (which readers skip) brings the history to 60 bytes short of a page boundary: the next append
        // fits a piece of its line into the last page and fails on the next one, a partial write.
        long size = Files.size(history);
        Files.writeString(history, " ".repeat((int) Math.floorMod(4096 - 60 - 1 - size, 4096L)) + "\n",
                StandardOpenOption.APPEND);
        assertThat(Files.size(history) % 4096).isEqualTo(4096 - 60);
        fill(disk);
        Map<String, String> before = snapshot(disk);

        Path outside = dir.resolve("results.json");
        check(results, history, null).failsWithOneLine("cannot write " + results
                + ": No space left on device; any previous file there is unchanged");
        check(outside, history, reports, "--baseline", baseline.toString(), "--format", "text,json,markdown,junit,html")
                .failsWithOneLine("No space left on device; any previous file there is unchanged");
        check(outside, history, null).failsWithOneLine("cannot append to the history " + history
                + ": No space left on device; the runs already in it are unchanged");
        Cli.run("baseline", "accept", outside.toString(), "--baseline", baseline.toString(), "--reason", "r2", "--yes")
                .failsWithOneLine("cannot write " + baseline + ": No space left on device");
        assertThat(snapshot(disk)).as("nothing written, nothing lost").isEqualTo(before);

        Files.delete(disk.resolve("filler"));
        check(outside, history, null).succeeds();
        Cli list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(list.out().lines().filter(l -> l.matches("\\s*\\d+ .*"))).hasSize(3);
        assertThat(list.err()).doesNotContain("warning");
    }

    /** The same tmpfs remounted read-only: every write is refused with the system's reason, every file kept. */
    @Test
    void aReadOnlyDisk() throws Exception {
        Path disk = tmpfs("size=1m");
        Path results = disk.resolve("results.json");
        Path history = disk.resolve("history.jsonl");
        Path baseline = disk.resolve("baseline.json");
        check(results, history, null).succeeds();
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes")
                .succeeds();
        assumeTrue(sh("mount", "-o", "remount,ro", disk.toString()) == 0, "cannot remount read-only here");
        Map<String, String> before = snapshot(disk);

        Path outside = dir.resolve("results.json");
        check(results, history, null).failsWithOneLine("cannot write " + results + ": " + disk
                + ": Read-only file system; any previous file there is unchanged");
        check(outside, history, disk.resolve("reports"), "--baseline", baseline.toString())
                .failsWithOneLine("Read-only file system");
        check(outside, history, null).failsWithOneLine("cannot append to the history " + history
                + ": Read-only file system; the runs already in it are unchanged");
        Cli.run("baseline", "accept", outside.toString(), "--baseline", baseline.toString(), "--reason", "r2", "--yes")
                .failsWithOneLine("cannot write " + baseline + ": " + disk + ": Read-only file system");
        Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(snapshot(disk)).isEqualTo(before);
    }

    private Path baseline(Path results) {
        Path baseline = dir.resolve("baseline.json");
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes")
                .succeeds();
        return baseline;
    }

    private static Cli check(Path results, Path history, Path reports, String... more) {
        return check(results, history.toString(), reports, more);
    }

    private static Cli check(Path results, String history, Path reports, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--import", "hyperfine", Cli.HYPERFINE.toString(),
                "-o", results.toString(), "--history", history));
        if (reports != null) args.addAll(List.of("--out", reports.toString()));
        args.addAll(List.of(more));
        return Cli.run(args);
    }

    /** A fresh tmpfs of its own under the test folder; skipped where mounting is not allowed (not root, a container). */
    private Path tmpfs(String options) throws Exception {
        Path point = Files.createDirectories(dir.resolve("disk"));
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small disk needs root");
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", options, "perfgate-test", point.toString()) == 0,
                "mount -t tmpfs is not allowed here");
        mount = point;
        return point;
    }

    private static void fill(Path disk) throws IOException {
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static int sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Every regular file under {@code root} (the filler aside), by relative path, with its bytes (as Latin-1). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.endsWith("filler")).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
