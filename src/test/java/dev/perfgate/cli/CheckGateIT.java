package dev.perfgate.cli;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.stats.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate end to end on real embedded servers: the demo suite's first check has no baseline and says how to make
 * one; a copy whose category trigger sleeps 10 ms per update is then checked against that baseline and fails with
 * exit code 1, naming {@code cascade_10_entities}; the history lists both runs and plots them.
 *
 * <p>Nothing here asserts how fast unchanged code is: two runs of the same code on a shared machine differ by chance,
 * and whether the gate lets them pass is a statistical property for an A/B test, not a fact one run can prove. The
 * injected slowdown is a fact: {@code pg_sleep(0.01)} sleeps at least 10 ms, about ten times the benchmark's own
 * time, so the gate must fail however noisy the machine is.
 */
class CheckGateIT {

    /** At least what the injected {@code pg_sleep(0.01)} adds to one update of a category. */
    private static final double INJECTED_MILLIS = 10;

    @TempDir
    Path dir;

    @Test
    void aTriggerThatDoesGrosslyMoreWorkFailsTheGateNamingTheBenchmark() throws IOException {
        Path suite = copyDemoSuite(dir.resolve("tviews"));
        Path history = dir.resolve("history.jsonl");
        Path first = dir.resolve("first.json");
        CliRun noBaseline = CliRun.of("check", suite.toString(), "-o", first.toString(), "--history",
                history.toString());
        assertThat(noBaseline.exitCode()).as(noBaseline.err()).isZero();
        assertThat(noBaseline.out()).contains("NO BASELINE: there is nothing at " + suite.resolve("baseline.json"),
                "perfgate baseline accept");
        Files.copy(first, suite.resolve("baseline.json"));

        slowCategoryTrigger(suite.resolve("_suite.sql"));
        Path slowed = dir.resolve("slowed.json");
        // --run-noise 25 %: even allowing for as much run-to-run scatter as these VMs show, tenfold must fail
        CliRun regressed = CliRun.of("check", suite.toString(), "-o", slowed.toString(), "--history",
                history.toString(), "--run-noise", "25%", "--format", "text,json", "--out",
                dir.resolve("reports").toString());
        assertThat(regressed.exitCode()).as(regressed.out() + regressed.err()).isEqualTo(1);
        assertThat(regressed.out()).containsPattern("cascade_10_entities .* REGRESSION").contains("FAIL: ");
        assertThat(Files.readString(dir.resolve("reports/comparison.json")))
                .contains("\"verdict\" : \"fail\"", "\"name\" : \"cascade_10_entities\"");
        assertThat(ResultsJson.read(slowed).benchmarks()).hasSize(4);
        BenchmarkResult cascade = ResultsJson.read(slowed).benchmark("cascade_10_entities").orElseThrow();
        assertThat(Summary.median(cascade.sampleArray())).as("the slowdown was injected: ms per update")
                .isGreaterThanOrEqualTo(INJECTED_MILLIS);

        CliRun list = CliRun.of("history", "list", "--history", history.toString());
        assertThat(list.out()).contains("cascade_10_entities").containsPattern("2 .* fail");
        Path charts = dir.resolve("charts");
        assertThat(CliRun.of("history", "plot", "--history", history.toString(), "--out", charts.toString(),
                "--baseline", suite.resolve("baseline.json").toString()).exitCode()).isZero();
        assertThat(charts.resolve("cascade_10_entities.png")).isNotEmptyFile();
        assertThat(Files.readString(charts.resolve("index.html"))).contains("data:image/png;base64,");
    }

    /** The category trigger sleeps 10 ms per update: cascade_10_entities gets about ten times slower. */
    private static void slowCategoryTrigger(Path suiteFile) throws IOException {
        String refresh = "PERFORM tviews.tv_product_refresh(p.id) FROM tviews.products p WHERE p.category_id = NEW.id;";
        String sql = Files.readString(suiteFile);
        String slowed = sql.replace(refresh, refresh + "\n    PERFORM pg_sleep(" + INJECTED_MILLIS / 1000 + ");");
        assertThat(slowed).as("the demo suite's category trigger").isNotEqualTo(sql);
        Files.writeString(suiteFile, slowed);
    }

    static Path copyDemoSuite(Path target) throws IOException {
        Files.createDirectories(target);
        String index = new String(resource("index.txt").readAllBytes());
        for (String file : index.split("\\s+")) {
            if (file.isBlank()) continue;
            try (InputStream in = resource(file)) {
                Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static InputStream resource(String file) {
        return CheckGateIT.class.getResourceAsStream("/suites/tviews/" + file);
    }
}
