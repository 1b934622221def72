package dev.perfgate.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite of 200 benchmarks (tiny SELECTs, 3 iterations, no warm-up) runs on the shared test server, is checked
 * against a baseline, and reports in every format with one entry per benchmark; the history lists it. And a suite
 * folder of enormous files, a thousand of them, is read (disk-heavy: seconds of writing files on ext4).
 */
class LargeSuiteIT {

    static final int BENCHMARKS = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredBenchmarksRunAndReportCleanly() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate: iterations=3 warmup=0\n-- perfgate:setup\n"
                + "CREATE TEMP TABLE large_suite AS SELECT g AS id FROM generate_series(1, 1000) g;\n"
                + "-- perfgate:teardown\nDROP TABLE large_suite;\n");
        for (int i = 0; i < BENCHMARKS; i++) {
            Files.writeString(suite.resolve(String.format("q%03d.sql", i)), "-- perfgate:param id = int(1, 1000)\n"
                    + "-- perfgate:run\nSELECT id FROM large_suite WHERE id = :id + " + i + " % 3;\n");
        }
        String url = Servers.sharedUrl();
        Path results = dir.resolve("results.json");
        Path history = dir.resolve("history.jsonl");
        Path reports = dir.resolve("reports");
        List<String> check = List.of("check", suite.toString(), "--db", url, "-o", results.toString(), "--history",
                history.toString(), "--baseline", dir.resolve("baseline.json").toString());

        Cli.run("run", suite.toString(), "--db", url, "-o", dir.resolve("first.json").toString()).succeeds();
        Cli.run("baseline", "accept", dir.resolve("first.json").toString(), "--baseline", // 3 iterations: --force
                dir.resolve("baseline.json").toString(), "--reason", "200 benchmarks", "--yes", "--force").succeeds();
        List<String> gate = new java.util.ArrayList<>(check);
        gate.addAll(List.of("--format", "text,json,markdown,junit,html", "--out", reports.toString()));
        long start = System.nanoTime();
        Cli r = Cli.run(gate);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).doesNotContain("internal error", "Exception");
        System.out.printf(java.util.Locale.ROOT, "LargeSuiteIT: check of %d benchmarks with every report format: %.1f s%n",
                BENCHMARKS, seconds);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(results.toFile()).get("benchmarks")).hasSize(BENCHMARKS)
                .allSatisfy(b -> assertThat(b.get("samples")).hasSize(3));
        JsonNode comparison = json.readTree(reports.resolve("comparison.json").toFile());
        assertThat(comparison.get("benchmarks")).hasSize(BENCHMARKS);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("perfgate-junit.xml")
                .toFile()).getElementsByTagName("testcase").getLength()).isEqualTo(BENCHMARKS);
        assertThat(Files.readString(reports.resolve("comparison.md")).lines().filter(l -> l.startsWith("| q")))
                .hasSize(BENCHMARKS);
        assertThat(Files.readString(reports.resolve("comparison.html")).split("<section id=\"b", -1))
                .hasSize(BENCHMARKS + 1);
        assertThat(Files.readString(reports.resolve("comparison.txt")).lines().filter(l -> l.startsWith("q")))
                .hasSize(BENCHMARKS);
        assertThat(r.out().lines().filter(l -> l.startsWith("q"))).hasSize(BENCHMARKS);

        Cli list = Cli.run("history", "list", "--history", history.toString()).succeeds();
        assertThat(list.out()).contains("q000", "q199");
    }

    /**
     * Megabytes of SQL in one file (16 MB) and in one statement (8 MB, and 8 MB unterminated), and a thousand
     * benchmark files: read in seconds, by the reader that {@link SuiteFuzzTest} fuzzes.
     */
    @Test
    void enormousFilesAndAThousandOfThemAreRead() throws IOException {
        StringBuilder big = new StringBuilder("-- perfgate: iterations=3\n-- perfgate:setup\n");
        while (big.length() < 16_000_000) big.append("INSERT INTO t VALUES (1, 'x'' -- not a comment', $$;$$);\n");
        big.append("-- perfgate:run\nSELECT 1;\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("big.sql", SuiteFuzzTest.utf8(big.toString()));
        for (int i = 0; i < 1000; i++) {
            files.put("b" + i + ".sql", SuiteFuzzTest.utf8("-- perfgate:run\nSELECT " + i + ";\n"));
        }
        files.put("one_line.sql", SuiteFuzzTest.utf8("-- perfgate:run\nSELECT '" + "x".repeat(8_000_000) + "';"));
        files.put("unterminated.sql", SuiteFuzzTest.utf8("-- perfgate:run\nSELECT '" + "y".repeat(8_000_000)));
        Path folder = SuiteFuzzTest.write(files);
        try {
            SuiteFuzzTest.readOrFailCleanly(folder);
            Files.delete(folder.resolve("unterminated.sql"));
            Suite s = SuiteFuzzTest.readOrFailCleanly(folder);
            assertThat(s).isNotNull();
            assertThat(s.benchmarks()).hasSize(1002);
        } finally {
            SuiteFuzzTest.delete(folder);
        }
    }
}
