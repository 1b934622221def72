package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters on a real embedded server: what is counted for the demo suite, a dropped index failing on counters
 * against a stored baseline (with the plan change named), and a statement EXPLAIN refuses.
 */
class CountersIT {

    @TempDir
    Path dir;

    @Test
    void theDemoSuiteIsCountedAndALostIndexFailsOnCounters() throws Exception {
        Path suite = CheckGateIT.copyDemoSuite(dir.resolve("tviews"));
        Path first = dir.resolve("first.json");
        CliRun run = CliRun.of("run", suite.toString(), "-b", "single_row_update", "-o", first.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BenchmarkResult single = ResultsJson.read(first).benchmarks().get(0);
        Counters c = single.counters();
        assertThat(c).isNotNull();
        assertThat(c.iterations()).isEqualTo(3);
        assertThat(c.perIteration(Counters.ROWS)).isEqualTo(1.0);
        assertThat(c.perIteration(Counters.SHARED_HIT)).isGreaterThan(10); // the update and its trigger's rebuild
        assertThat(c.perIteration(Counters.WAL_RECORDS)).isGreaterThan(2);
        assertThat(c.checkpoint()).isTrue();
        assertThat(c.plan().nested()).isTrue();
        assertThat(c.plan().summary()).contains("Index Scan using products_pkey on products", "reviews_product_idx");

        Files.copy(first, suite.resolve("baseline.json"));
        String sql = Files.readString(suite.resolve("_suite.sql"));
        String noIndex = sql.replace("CREATE INDEX reviews_product_idx ON reviews (product_id);", "");
        assertThat(noIndex).isNotEqualTo(sql);
        Files.writeString(suite.resolve("_suite.sql"), noIndex);
        Path reports = dir.resolve("reports");
        CliRun check = CliRun.of("check", suite.toString(), "-b", "single_row_update", "-o",
                dir.resolve("second.json").toString(), "--history", dir.resolve("h.jsonl").toString(),
                "--format", "text,json", "--out", reports.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(1);
        assertThat(check.out()).contains("counters: shared buffers per iteration")
                .containsPattern("plan changed: was .*Aggregate \\[Bitmap Heap Scan on reviews.*; now .*Aggregate "
                        + "\\[Seq Scan on reviews\\]");
        JsonNode b = Json.MAPPER.readTree(reports.resolve("comparison.json").toFile()).get("benchmarks").get(0);
        assertThat(b.get("counters").get("verdict").asText()).isEqualTo("regression");
        assertThat(b.get("counters").get("plan_change").get("after").asText()).contains("Seq Scan on reviews");
    }

    @Test
    void aStatementExplainCannotTakeIsTimedWithItsCountersSaidUnavailable() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("procs"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate:setup\nCREATE TABLE t(id int PRIMARY KEY, v int);\n"
                + "INSERT INTO t SELECT g, 0 FROM generate_series(1, 100) g;\n"
                + "CREATE PROCEDURE bump(i int) LANGUAGE sql AS $$ UPDATE t SET v = v + 1 WHERE id = i $$;\n"
                + "-- perfgate:teardown\nDROP PROCEDURE bump(int);\nDROP TABLE t;\n");
        Files.writeString(suite.resolve("call.sql"), "-- perfgate: iterations=30 warmup=2\n"
                + "-- perfgate:param id = int(1, 100)\n-- perfgate:run\nCALL bump(:id);\n");
        Path out = dir.resolve("r.json");
        CliRun run = CliRun.of("run", suite.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        RunResult result = ResultsJson.read(out);
        Counters c = result.benchmarks().get(0).counters();
        assertThat(result.benchmarks().get(0).samples()).hasSize(30);
        assertThat(c.unavailable()).anyMatch(u -> u.contains("call.sql") && u.contains("cannot be explained"));
        assertThat(c.plan()).isNotNull(); // the procedure's UPDATE, from auto_explain's nested plans
        assertThat(c.plan().summary()).contains("Update on t");
    }
}
