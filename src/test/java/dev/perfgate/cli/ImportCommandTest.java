package dev.perfgate.cli;

import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} and {@code check --import} on files real harness runs produced. */
class ImportCommandTest {

    static final Path SAMPLES = Path.of("src/test/resources/imports");

    @TempDir
    Path dir;

    @Test
    void importsJmhWithThisHostsFingerprint() {
        Path out = dir.resolve("jmh.json");
        CliRun run = CliRun.of("import", "jmh", SAMPLES.resolve("jmh-gc.json").toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        RunResult r = ResultsJson.read(out);
        assertThat(r.suite()).isEqualTo("jmh");
        assertThat(r.environment().fingerprint()).isNotNull();
        assertThat(r.benchmarks()).anyMatch(b -> b.name().contains("gc.alloc.rate.norm"));
    }

    @Test
    void importsSeveralPgbenchLogsOfOneRun() {
        Path out = dir.resolve("pg.json");
        CliRun run = CliRun.of("import", "pgbench", SAMPLES.resolve("pgbench-txn.5738").toString(),
                SAMPLES.resolve("pgbench-txn.5738.1").toString(), "-o", out.toString(), "--other-host");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ResultsJson.read(out).benchmarks().get(0).samples()).hasSize(400);
        assertThat(ResultsJson.read(out).environment().fingerprint()).isNull();
    }

    @Test
    void checkGatesAnImportAgainstItsBaselineAndKeepsHistory() throws Exception {
        Path baseline = dir.resolve("base.json");
        assertThat(CliRun.of("import", "hyperfine", SAMPLES.resolve("hyperfine-sleep.json").toString(), "-o",
                baseline.toString()).exitCode()).isZero();
        CliRun same = CliRun.of("check", "--import", "hyperfine", SAMPLES.resolve("hyperfine-sleep.json").toString(),
                "--baseline", baseline.toString(), "-o", dir.resolve("r.json").toString(),
                "--history", dir.resolve("h.jsonl").toString());
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains("sleep 0.01");
        assertThat(Files.readAllLines(dir.resolve("h.jsonl"))).hasSize(1);
    }

    @Test
    void badFormatAndBadFileAreOneLine() {
        CliRun format = CliRun.of("import", "gatling", SAMPLES.resolve("jmh-gc.json").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.errorLines()).contains("unknown import format \"gatling\"").hasLineCount(1);
        CliRun allFailed = CliRun.of("import", "hyperfine", SAMPLES.resolve("hyperfine-allfail.json").toString(),
                "-o", dir.resolve("x.json").toString());
        assertThat(allFailed.exitCode()).isEqualTo(2);
        assertThat(allFailed.errorLines()).contains("hyperfine-allfail.json").hasLineCount(1);
    }
}
