package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar, started as a user would start it: exit codes and output through a real process. */
class JarIT {

    static final Path JAR = Path.of("target", "perfgate.jar");

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result perfgate(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("perfgate-out", ".txt");
        Path err = Files.createTempFile("perfgate-err", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("perfgate did not finish within 5 minutes: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void versionAndHelpExitZero() throws Exception {
        assertThat(perfgate(dir, "--version").out()).startsWith("perfgate ");
        Result help = perfgate(dir, "check", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--db", "--scale", "--iterations");
    }

    @Test
    void checkOnTheDemoSuiteExitsZeroAndWritesResults() throws Exception {
        Result r = perfgate(dir, "check", "--iterations", "3", "--warmup", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("jsonb_ivm_speedup");
        assertThat(dir.resolve("perfgate-out/results.json")).exists();
    }

    @Test
    void aRegressionExitsOne() throws Exception {
        Files.writeString(dir.resolve("base.json"), results(1.0));
        Files.writeString(dir.resolve("slow.json"), results(1.5));
        Result same = perfgate(dir, "compare", "base.json", "base.json");
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        Result slow = perfgate(dir, "compare", "base.json", "slow.json", "--format", "json");
        assertThat(slow.exitCode()).as(slow.out() + slow.err()).isEqualTo(1);
        assertThat(slow.out()).contains("\"verdict\" : \"fail\"", "\"verdict\" : \"regression\"");
    }

    private static String results(double medianMillis) {
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            samples.append(i == 0 ? "" : ", ").append(medianMillis * (1 + 0.01 * ((i * 7) % 11 - 5)));
        }
        return "{\"format\": \"perfgate-results/1\", \"benchmarks\": [{\"name\": \"q\", \"samples\": [" + samples + "]}]}";
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Result r = perfgate(dir, "run", "no-such-suite");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("perfgate: suite folder no-such-suite does not exist: give the path of a "
                + "folder of .sql files");
        Result usage = perfgate(dir, "run", "--no-such-option");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--no-such-option'");
    }
}
