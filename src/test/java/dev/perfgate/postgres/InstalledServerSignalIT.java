package dev.perfgate.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C (SIGINT) and SIGTERM to a JVM that runs a cluster from an installation: the cluster stops and its folder,
 * with the private installation of an extension build, is deleted.
 */
class InstalledServerSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigintStopsTheClusterAndDeletesThePrivateInstallation() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        Path staged = PgworkBuilds.stage(pg15.binDir(), 100, dir.resolve("build"));
        assertStopsAndCleansUp("INT", List.of(pg15.binDir().toString(), tmp().toString(), staged.toString()));
    }

    @Test
    void sigtermStopsTheCluster() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        assertStopsAndCleansUp("TERM", List.of(pg15.binDir().toString(), tmp().toString()));
    }

    private Path tmp() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        return tmp;
    }

    private void assertStopsAndCleansUp(String signal, List<String> args) throws Exception {
        Path tmp = dir.resolve("tmp");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), InstalledServerHolder.class.getName()));
        command.addAll(args);
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(out).contains("ready")) {
            assertThat(p.isAlive()).as("the holder ended early: " + Files.readString(out)).isTrue();
            assertThat(System.nanoTime()).as("no cluster within 90 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(processesIn(tmp)).as("the postmaster").isNotEmpty();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the holder stops").isTrue();
        assertThat(processesIn(tmp)).as("processes left running").isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("files left in the temporary folder").isEmpty();
        }
    }

    private static List<String> processesIn(Path folder) {
        return ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains(folder + "/")).toList();
    }
}
