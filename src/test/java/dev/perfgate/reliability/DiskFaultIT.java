package dev.perfgate.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.perfgate.reliability.DiskFaultTest.check;
import static dev.perfgate.reliability.DiskFaultTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The disk faults of {@link DiskFaultTest} that need a file system of the test's own: a small tmpfs filled up, and
 * the same remounted read-only. Mounting needs root and {@code mount}; skipped otherwise.
 */
class DiskFaultIT {

    @TempDir
    Path dir;
    Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) sh("umount", "-l", mount.toString());
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
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes",
                "--force").succeeds();
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
        Cli.run("baseline", "accept", outside.toString(), "--baseline", baseline.toString(), "--reason", "r2", "--yes",
                "--force").failsWithOneLine("cannot write " + baseline + ": No space left on device");
        assertThat(snapshot(disk)).as("nothing written, nothing lost").isEqualTo(before);

        Files.delete(disk.resolve("filler"));
        check(outside, history, null).succeeds();
        Cli list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(list.out().lines().filter(l -> l.matches("\\s*\\d+ .*"))).hasSize(3);
        assertThat(list.err()).doesNotContain("warning");
    }

    /** The same tmpfs remounted read-only: every write is refused in one line naming the path, every file kept. */
    @Test
    void aReadOnlyDisk() throws Exception {
        Path disk = tmpfs("size=1m");
        Path results = disk.resolve("results.json");
        Path history = disk.resolve("history.jsonl");
        Path baseline = disk.resolve("baseline.json");
        check(results, history, null).succeeds();
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "r", "--yes",
                "--force").succeeds();
        assumeTrue(sh("mount", "-o", "remount,ro", disk.toString()) == 0, "cannot remount read-only here");
        Map<String, String> before = snapshot(disk);

        Path outside = dir.resolve("results.json");
        check(results, history, null).failsWithOneLine("-o " + results + ": cannot write in " + disk);
        check(outside, history, disk.resolve("reports"), "--baseline", baseline.toString())
                .failsWithOneLine(disk.resolve("reports").toString());
        check(outside, history, null).failsWithOneLine(history.toString());
        Files.copy(results, outside); // check refused its outputs up front: it wrote no results outside either
        Cli.run("baseline", "accept", outside.toString(), "--baseline", baseline.toString(), "--reason", "r2", "--yes",
                "--force").failsWithOneLine("cannot write " + baseline + ": " + disk + ": Read-only file system");
        Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(snapshot(disk)).isEqualTo(before);
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
}
