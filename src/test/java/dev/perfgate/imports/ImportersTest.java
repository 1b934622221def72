package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing an importer by name, reading files, and what every import of a real file must give. */
class ImportersTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "jmh, jmh-gc.json", "jmh, jmh-sample-mode.json",
            "hyperfine, hyperfine-sleep.json", "hyperfine, hyperfine-failing.json", "hyperfine, hyperfine-scan.json",
            "pgbench, pgbench-txn.5738", "pgbench, pgbench-scripts.5743", "pgbench, pgbench-agg.5746",
            "pgbench, pgbench-r.txt", "pgbench, pgbench-r-scripts.txt"})
    void everyRealFileImportsToAResultsFileThatReadsBackEqual(String format, String file) {
        ImportResult result = Importers.byName(format).importFile(ImportSamples.path(file));
        ImportSamples.assertValid(result);
        RunResult run = result.run();
        assertThat(run.suite()).isEqualTo(format);
        assertThat(run.created()).isNotNull();
        assertThat(ResultsJson.parse(ResultsJson.toJson(run), file)).isEqualTo(run);
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownOnesListTheKnown() {
        assertThat(Importers.byName("JMH")).isInstanceOf(JmhImporter.class);
        assertThat(Importers.FORMATS).allSatisfy(f -> assertThat(Importers.byName(f).format()).isEqualTo(f));
        assertThatThrownBy(() -> Importers.byName("criterion"))
                .isInstanceOf(PerfgateException.class)
                .hasMessage("unknown import format \"criterion\"; use one of jmh, pgbench, hyperfine");
    }

    @Test
    void createdFallsBackToTheFilesModificationTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("h.json");
        Files.copy(ImportSamples.path("hyperfine-sleep.json"), file);
        Instant when = Instant.parse("2026-01-02T03:04:05.678Z");
        Files.setLastModifiedTime(file, FileTime.from(when));
        assertThat(new HyperfineImporter().importFile(file).run().created()).isEqualTo(when);
        assertThat(new HyperfineImporter().parse(Files.readString(file), "h.json").run().created()).isNull();
    }

    @Test
    void aTimeInsideTheFileWinsOverTheModificationTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pgbench_log.1");
        Files.copy(ImportSamples.path("pgbench-agg.5746"), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(new PgbenchImporter().importFile(file).run().created())
                .isEqualTo(Instant.ofEpochSecond(1795703260L)); // end of the last interval
    }

    @Test
    void missingFileDirectoryAndTooManyFilesAreClearErrors(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> new JmhImporter().importFile(missing))
                .hasMessage("cannot read " + missing + ": no such file; check the path");
        assertThatThrownBy(() -> new PgbenchImporter().importFile(dir))
                .hasMessageContaining("it is a directory");
        assertThatThrownBy(() -> new JmhImporter().importFiles(List.of(missing, missing)))
                .hasMessage("jmh import takes one file, got 2; import each file on its own");
    }

    @Test
    void aByteOrderMarkAndMalformedUtf8AreNoObstacle(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        byte[] json = Files.readAllBytes(ImportSamples.path("hyperfine-sleep.json"));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);
        assertThat(new HyperfineImporter().importFile(file).run().benchmarks()).hasSize(2);
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});
        assertThatThrownBy(() -> new HyperfineImporter().importFile(file)).isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith(file.toString());
    }
}
