package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --against} end to end on a real embedded server, in a real git repository holding a copy of the demo
 * suite: unchanged code passes, a trigger that does grossly more work fails naming the slowed benchmarks, and the
 * bad inputs of the mode each give one line and exit 2.
 */
class AbCheckIT {

    @TempDir
    Path repo;

    Path suite;

    @BeforeEach
    void repositoryWithTheDemoSuite() throws Exception {
        suite = CheckGateIT.copyDemoSuite(repo.resolve("bench/tviews"));
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "suite");
    }

    @Test
    void unchangedCodePassesAndASlowedTriggerFails() throws Exception {
        Path out = repo.resolve("out");
        CliRun same = check("--against", "HEAD", "--format", "text,json", "--out", out.toString());
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains("A/B in one session", "base (A) = git HEAD", "candidate (B) = work tree")
                .contains("pairs", "could detect").doesNotContain("REGRESSION");
        JsonNode json = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        assertThat(json.get("mode").asText()).isEqualTo("ab");
        assertThat(json.get("benchmarks")).allSatisfy(b -> {
            assertThat(b.get("pairs").asInt()).isGreaterThanOrEqualTo(30);
            assertThat(b.get("detectable").asDouble()).isPositive();
        });
        RunResult candidate = ResultsJson.read(repo.resolve("results.json"));
        RunResult base = ResultsJson.read(repo.resolve("results-base.json"));
        assertThat(candidate.ab().role()).isEqualTo(AbInfo.CANDIDATE);
        assertThat(base.ab().session()).isEqualTo(candidate.ab().session());
        assertThat(base.ab().base().kind()).isEqualTo("git");
        assertThat(base.benchmarks().get(0).samples()).hasSameSizeAs(candidate.benchmarks().get(0).samples());

        slowRefresh(suite.resolve("_suite.sql"));
        CliRun slowed = check("--against", "HEAD", "--format", "text,json", "--out", out.toString());
        assertThat(slowed.exitCode()).as(slowed.out() + slowed.err()).isEqualTo(1);
        assertThat(slowed.out()).containsPattern("single_row_update .* REGRESSION")
                .containsPattern("cascade_10_entities .* REGRESSION").contains("FAIL: ")
                .contains("uncommitted changes");
        // many times slower: certain on the first pass, so no second one
        assertThat(Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).get("benchmarks")).allSatisfy(b -> {
            assertThat(b.get("verdict").asText()).isEqualTo("regression");
            assertThat(b.get("looks").asInt()).isEqualTo(1);
            assertThat(b.get("stopped").asText()).isEqualTo("decided");
        });

        CliRun history = CliRun.of("history", "list", "--history", repo.resolve("history.jsonl").toString());
        assertThat(history.out()).containsPattern("1 .* (pass|warn)").containsPattern("2 .* fail");
    }

    @Test
    void aCheapBenchmarkGetsManyPairsAndDetectAddsPairsUntilTheTargetIsReached() throws Exception {
        Path out = repo.resolve("out");
        CliRun r = check("--against", "HEAD", "-b", "single_row_update", "--detect", "0.8%", "--format", "text,json",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode b = Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).get("benchmarks").get(0);
        assertThat(b.get("pairs").asInt()).as("a 0.1 ms statement: far more pairs than its 40 iterations")
                .isGreaterThan(200);
        assertThat(b.get("detect_target").asDouble()).isEqualTo(0.008);
        if (b.get("stopped").asText().equals("reached")) {
            assertThat(b.get("detectable").asDouble()).isLessThanOrEqualTo(0.008);
        } else {
            assertThat(b.get("stopped").asText()).as("short of the target only when a budget ran out")
                    .isIn("out of time", "out of pairs");
        }
        assertThat(r.out()).contains("(target 0.8%");
        RunResult candidate = ResultsJson.read(repo.resolve("results.json"));
        assertThat(candidate.ab().detect()).containsEntry("single_row_update", 0.008);
        assertThat(candidate.ab().stops()).containsKey("single_row_update");
    }

    @Test
    void aRevisionThatDoesNotExistIsOneLineAndExitTwo() {
        CliRun r = check("--against", "no-such-branch");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).contains("--against no-such-branch: no such revision in");
    }

    @Test
    void aSuiteThatDidNotExistAtTheRevisionIsNewAndPasses() throws Exception {
        Path moved = repo.resolve("bench/renamed");
        git("mv", "bench/tviews", "bench/renamed");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "rename");
        CliRun r = CliRun.of("check", moved.toString(), "--against", "HEAD~1", "-b", "single_row_update",
                "-o", repo.resolve("r.json").toString(), "--history", repo.resolve("h.jsonl").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("NEW SUITE: the suite folder " + moved + " does not exist at HEAD~1",
                "nothing to compare with");
        assertThat(ResultsJson.read(repo.resolve("r.json")).benchmarks()).singleElement()
                .satisfies(b -> assertThat(b.samples()).hasSize(40));
    }

    @Test
    void againstAndBaselineTogetherAreRefused() throws IOException {
        Path baseline = Files.writeString(repo.resolve("b.json"), "{}");
        CliRun r = check("--against", "HEAD", "--baseline", baseline.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).contains("--baseline and --against");
    }

    @Test
    void aFolderAsTheBaseAndABenchmarkOnOneSideOnly() throws Exception {
        Path other = CheckGateIT.copyDemoSuite(repo.resolve("other"));
        Files.delete(other.resolve("bulk_1k_rows.sql"));
        Files.delete(suite.resolve("jsonb_ivm_speedup.sql"));
        CliRun r = check("--against", other.toString(), "-b", "single_row_update", "-b", "bulk_1k_rows",
                "--iterations", "30", "--warmup", "2");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("bulk_1k_rows .* NEW").contains("base (A) = folder " + other);
    }

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", suite.toString(), "-o", repo.resolve("results.json").toString(),
                "--base-output", repo.resolve("results-base.json").toString(), "--history",
                repo.resolve("history.jsonl").toString()));
        all.addAll(List.of(args));
        if (!all.contains("-b")) all.addAll(List.of("-b", "single_row_update", "-b", "cascade_10_entities"));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Every read-model rebuild sleeps 5 ms more: the slowed benchmarks get many times slower, beyond any noise. */
    private static void slowRefresh(Path suiteFile) throws IOException {
        String sql = Files.readString(suiteFile);
        String slowed = sql.replace("ON CONFLICT (product_id) DO UPDATE SET data = excluded.data\n$$;",
                "ON CONFLICT (product_id) DO UPDATE SET data = excluded.data;\n    SELECT pg_sleep(0.005);\n$$;");
        assertThat(slowed).isNotEqualTo(sql);
        Files.writeString(suiteFile, slowed);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
