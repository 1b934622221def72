package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to the real jar during {@code check}: while the suite runs, and while the embedded
 * server is still being created ({@code initdb}). The process exits non-zero (128 + signal, as shells expect) with one
 * line saying it was interrupted; no PostgreSQL process it started survives, its temporary files are gone, and the
 * earlier results and history are untouched.
 */
class SignalIT {

    static final Path JAR = Path.of("target", "perfgate.jar").toAbsolutePath();

    @TempDir
    Path dir;
    Path tmp;
    Path suite;
    Path results;
    Path history;
    Map<String, byte[]> before;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.exists(JAR), "needs the packaged jar: mvn -DskipTests package");
        tmp = Files.createDirectories(dir.resolve("tmp"));
        suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("sleep.sql"), "-- perfgate: iterations=300 warmup=0\n-- perfgate:run\n"
                + "SELECT pg_sleep(0.05);\n");
        results = dir.resolve("out/results.json");
        history = dir.resolve("out/history.jsonl");
        Cli.run("check", "--import", "hyperfine", Cli.HYPERFINE.toString(), "-o", results.toString(), "--history",
                history.toString()).succeeds();
        before = Map.of("results", Files.readAllBytes(results), "history", Files.readAllBytes(history));
    }

    @ParameterizedTest(name = "{0} while the suite runs")
    @CsvSource({"INT, 2", "TERM, 2"})
    void signalDuringTheSuite(String signal, int exitCode) throws Exception {
        Process p = start();
        waitFor(() -> stderr().contains("[1/1] sleep: "), p, "the suite's progress line");
        Run run = interrupt(p, signal);
        assertThat(run.exitCode).as(run.stderr).isEqualTo(exitCode);
        assertThat(run.stderr).contains("perfgate: interrupted, stopping").doesNotContain("Exception", "\tat ");
        assertCleanedUp();
    }

    @Test
    void sigintWhileInitdbCreatesTheServer() throws Exception {
        Process p = start();
        waitFor(() -> !processesIn(tmp, c -> c.contains("initdb")).isEmpty(), p, "initdb");
        Run run = interrupt(p, "INT");
        assertThat(run.exitCode).as(run.stderr).isEqualTo(2);
        assertCleanedUp();
    }

    private Process start() throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Djava.io.tmpdir=" + tmp,
                // the PostgreSQL binaries stay in the usual shared cache; only this run's files go to tmp
                "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                "-jar", JAR.toString(), "check", suite.toString(), "-o", results.toString(), "--history",
                history.toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    record Run(int exitCode, String stderr) {
    }

    private Run interrupt(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("perfgate did not stop within 60 s of SIG" + signal);
        }
        return new Run(p.exitValue(), stderr());
    }

    /** No process runs in, and no file is left in, this run's temporary folder; results and history as before. */
    private void assertCleanedUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!processesIn(tmp, c -> true).isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(processesIn(tmp, c -> true)).as("processes left running").isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).as("temporary files left").isEmpty();
        }
        assertThat(Files.readAllBytes(results)).isEqualTo(before.get("results"));
        assertThat(Files.readAllBytes(history)).isEqualTo(before.get("history"));
    }

    /** Command lines of the processes that mention {@code folder} (the server's data directory lies in it). */
    static List<String> processesIn(Path folder, Predicate<String> filter) {
        return ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains(folder.toString()) && !c.contains("-Djava.io.tmpdir=")).filter(filter).toList();
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Process p, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.holds()) {
            if (!p.isAlive()) throw new AssertionError("perfgate ended (" + p.exitValue() + ") before " + what);
            if (System.nanoTime() > deadline) throw new AssertionError("no " + what + " within 60 s");
            Thread.sleep(10);
        }
    }
}
