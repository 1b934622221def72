package dev.perfgate.suite;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteReaderTest {

    @TempDir
    Path dir;

    @Test
    void bundledDemoSuiteHasTheFourBenchmarks() {
        Suite s = SuiteReader.bundled("tviews");
        assertThat(s.benchmarks()).extracting(BenchmarkSpec::name)
                .containsExactly("bulk_1k_rows", "cascade_10_entities", "jsonb_ivm_speedup", "single_row_update");
        BenchmarkSpec speedup = s.benchmarks().get(2);
        assertThat(speedup.settings().metricOrDefault()).isEqualTo(Settings.Metric.RATIO);
        assertThat(speedup.settings().directionOrDefault()).isEqualTo(Direction.HIGHER);
        assertThat(speedup.timedB()).hasSize(1);
        assertThat(s.settings().iterationsOrDefault()).isEqualTo(40);
        assertThat(s.setup()).isNotEmpty();
    }

    @Test
    void readsSettingsParamsAndSectionsWithFileLines() throws IOException {
        write("_suite.sql", "-- perfgate: iterations=50 seed=7\n-- perfgate:setup\nCREATE TABLE t(id int);\n");
        write("upd.sql", """
                -- Update one row.
                -- perfgate: warmup=2 isolation=commit timeout=500ms
                -- perfgate:param id = int(1, 100*scale)
                -- perfgate:setup
                SELECT 1;
                -- perfgate:run
                UPDATE t SET id = :id
                  WHERE id = :id;
                -- perfgate:teardown
                DELETE FROM t WHERE id = :id;
                """);
        Suite s = SuiteReader.readFolder(dir);
        assertThat(s.name()).isEqualTo(dir.getFileName().toString());
        assertThat(s.settings().iterations()).isEqualTo(50);
        BenchmarkSpec b = s.benchmarks().get(0);
        assertThat(b.settings().isolationOrDefault()).isEqualTo(Settings.Isolation.COMMIT);
        assertThat(b.settings().timeoutOrDefault().toMillis()).isEqualTo(500);
        assertThat(b.params().get(0).highAt(3)).isEqualTo(300);
        assertThat(b.timed().get(0).line()).isEqualTo(7);
        assertThat(b.teardown().get(0).location()).isEqualTo("upd.sql:10");
    }

    static Stream<Arguments> badSuites() {
        return Stream.of(
                Arguments.of("no timed part", null, "-- perfgate:setup\nSELECT 1;\n", "b.sql: no timed part: mark the statements to time with '-- perfgate:run'"),
                Arguments.of("unknown setting", null, "-- perfgate: iterashuns=5\n-- perfgate:run\nSELECT 1;\n", "b.sql:1: unknown setting 'iterashuns'"),
                Arguments.of("bad value", null, "-- perfgate: iterations=0\n-- perfgate:run\nSELECT 1;\n", "b.sql:1: iterations=0 is not a whole number from 1 to 1,000,000"),
                Arguments.of("bad direction", null, "-- perfgate: direction=up\n-- perfgate:run\nSELECT 1;\n", "b.sql:1: direction=up is not allowed: use lower or higher"),
                Arguments.of("unknown marker", null, "-- perfgate:runn\nSELECT 1;\n", "b.sql:1: unknown marker '-- perfgate:runn'"),
                Arguments.of("sql before marker", null, "SELECT 1;\n-- perfgate:run\nSELECT 2;\n", "b.sql:1: SQL before any section marker"),
                Arguments.of("undeclared param", null, "-- perfgate:run\nSELECT :nope;\n", "b.sql:2: unknown parameter :nope"),
                Arguments.of("bad param", null, "-- perfgate:param id = rand(1,2)\n-- perfgate:run\nSELECT 1;\n", "b.sql:1: cannot read '"),
                Arguments.of("half a ratio", null, "-- perfgate:run A\nSELECT 1;\n", "b.sql: a ratio benchmark needs exactly"),
                Arguments.of("empty timed part", null, "-- perfgate:run\n-- nothing here\n", "b.sql:1: the timed section is empty"),
                Arguments.of("scale in benchmark", null, "-- perfgate: scale=2\n-- perfgate:run\nSELECT 1;\n", "b.sql: scale is a suite setting"),
                Arguments.of("run in suite file", "-- perfgate:run\nSELECT 1;", "-- perfgate:run\nSELECT 1;\n", "_suite.sql:1: _suite.sql holds suite setup and teardown only"),
                Arguments.of("server setting in a benchmark", null, "-- perfgate:server work_mem=64MB\n-- perfgate:run\nSELECT 1;\n", "b.sql:1: server settings apply to the whole suite"),
                Arguments.of("server setting without a value", "-- perfgate:server work_mem\n", "-- perfgate:run\nSELECT 1;\n", "_suite.sql:1: cannot read server setting 'work_mem'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSuites")
    void badSuiteFilesGiveOneClearLine(String name, String suiteFile, String benchmark, String expectedStart)
            throws IOException {
        if (suiteFile != null) write("_suite.sql", suiteFile);
        write("b.sql", benchmark);
        assertThatThrownBy(() -> SuiteReader.readFolder(dir))
                .isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith(expectedStart)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFolderAndEmptySuiteAreClear() {
        assertThatThrownBy(() -> SuiteReader.readFolder(dir.resolve("nope")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SuiteReader.readFolder(dir))
                .hasMessageContaining("has no benchmarks: add a .sql file");
    }

    @Test
    void aFileLinkedFromOutsideTheFolderIsRefused(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("x.sql"), "-- perfgate:run\nSELECT 1;\n");
        Files.createSymbolicLink(dir.resolve("x.sql"), secret);
        assertThatThrownBy(() -> SuiteReader.readFolder(dir)).hasMessageContaining("points outside the suite folder");
    }

    @Test
    void fromFilesKeepsFileNameOrder() {
        Map<String, String> files = new TreeMap<>(Map.of("b.sql", "-- perfgate:run\nSELECT 1;", "a.sql",
                "-- perfgate:run\nSELECT 2;"));
        assertThat(SuiteReader.fromFiles("s", "mem", files).benchmarks()).extracting(BenchmarkSpec::name)
                .containsExactly("a", "b");
    }

    @Test
    void serverSettingsOfTheSuiteAreReadInOrder() throws IOException {
        write("_suite.sql", "-- perfgate:server shared_preload_libraries=pg_tviews work_mem='64MB'\n"
                + "-- perfgate:setup\nSELECT 1;\n-- perfgate:server pg_tviews.mode=fast\n");
        write("b.sql", "-- perfgate:run\nSELECT 1;\n");
        Suite s = SuiteReader.readFolder(dir);
        assertThat(s.serverSettings()).containsExactly(Map.entry("shared_preload_libraries", "pg_tviews"),
                Map.entry("work_mem", "64MB"), Map.entry("pg_tviews.mode", "fast"));
        assertThat(s.setup()).hasSize(1);
        assertThat(s.only(List.of("b")).serverSettings()).isEqualTo(s.serverSettings());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @org.junit.jupiter.api.Test
    void aByteOrderMarkIsNotSql() {
        Suite s = SuiteReader.fromFiles("bom", "x", java.util.Map.of("a.sql", "\uFEFF-- perfgate:run\nSELECT 1;\n"));
        org.assertj.core.api.Assertions.assertThat(s.benchmarks()).singleElement()
                .satisfies(b -> org.assertj.core.api.Assertions.assertThat(b.timed()).hasSize(1));
    }
}
