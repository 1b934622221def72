package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.model.Shard;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code merge}, {@code compare} of merged A/B sides, {@code compare --history}, {@code history append}, and the
 * {@code --shard} option's refusals and empty shards (none of which starts a server).
 */
class MergeCommandTest {

    @TempDir
    Path dir;

    @Test
    void mergedAbShardsComparePairByPairAndGoToTheHistoryWithTheirVerdicts() throws Exception {
        write("base-1.json", ab(shard(1, "slowed"), "s1", AbInfo.BASE, 1.0));
        write("cand-1.json", ab(shard(1, "slowed"), "s1", AbInfo.CANDIDATE, 1.5));
        write("base-2.json", ab(shard(2, "same"), "s2", AbInfo.BASE, 1.0));
        write("cand-2.json", ab(shard(2, "same"), "s2", AbInfo.CANDIDATE, 1.0));

        CliRun base = CliRun.of("merge", path("base-1.json"), path("base-2.json"), "-o", path("base.json"));
        assertThat(base.exitCode()).as(base.err()).isZero();
        assertThat(base.out()).contains("Merged 2 results files (shards 1/2, 2/2): 2 benchmarks in ");
        assertThat(CliRun.of("merge", path("cand-2.json"), path("cand-1.json"), "-o", path("cand.json")).exitCode())
                .isZero();

        CliRun compare = CliRun.of("compare", path("base.json"), path("cand.json"), "--format", "json",
                "--history", path("h.jsonl"));
        assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(1);
        JsonNode json = Json.MAPPER.readTree(compare.out());
        assertThat(json.get("mode").asText()).as("the merged sides pair up again").isEqualTo("ab");
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
        CliRun list = CliRun.of("history", "list", "--history", path("h.jsonl"));
        assertThat(list.out()).containsPattern("1 .* fail");
    }

    @Test
    void historyAppendAddsARunWithoutAVerdict() throws Exception {
        write("r.json", shard(1, "q"));
        CliRun append = CliRun.of("history", "append", path("r.json"), "--history", path("h.jsonl"));
        assertThat(append.exitCode()).as(append.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("h.jsonl"))).hasSize(1);
    }

    @Test
    void mergeRefusalsAreOneLineAndExitTwo() throws Exception {
        write("a.json", shard(1, "q"));
        write("b.json", shard(2, "q"));
        CliRun twice = CliRun.of("merge", path("a.json"), path("b.json"), "-o", path("m.json"));
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.errorLines()).startsWith("perfgate: cannot merge: benchmark q is in both ");
        assertThat(dir.resolve("m.json")).doesNotExist();
        CliRun missing = CliRun.of("merge", path("a.json"), path("nope.json"), "-o", path("m.json"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errorLines()).contains("nope.json");
    }

    @Test
    void aShardThatIsNotIOfNIsOneLineAndExitTwo() {
        for (String bad : new String[] {"0/2", "3/2", "x", "1/0"}) {
            CliRun r = CliRun.of("run", "--shard", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.errorLines().lines()).as(bad).singleElement().asString().startsWith("perfgate: --shard " + bad);
        }
    }

    @Test
    void anEmptyShardRunsNothingAndPasses() {
        assertThat(CliRun.of("init", "perf", "--root", dir.toString()).exitCode()).isZero();
        // example_update is in shard 1 of 2 (ShardTest)
        CliRun r = CliRun.of("check", dir.resolve("perf").toString(), "--shard", "2/2", "-o", path("r.json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Shard 2/2 holds none of the benchmarks");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, RunResult run) {
        ResultsJson.write(run, dir.resolve(name));
    }

    private static RunResult shard(int index, String name) {
        return new Shard(index, 2).mark(new RunResult("s", null, null, null, new RunSettings(30, 5, false, Map.of()),
                List.of(bench(name, 1.0))));
    }

    private static BenchmarkResult bench(String name, double median) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(median * (1 + 0.01 * ((i * 7) % 11 - 5)));
        return new BenchmarkResult(name, "ms", Direction.LOWER, samples);
    }

    private static RunResult ab(RunResult run, String session, String role, double factor) {
        List<BenchmarkResult> scaled = run.benchmarks().stream().map(b -> bench(b.name(), factor)).toList();
        AbInfo info = new AbInfo(session, role, new AbInfo.Version("git", "HEAD~1", "abc", "perf", null),
                new AbInfo.Version("worktree", null, "def", "perf", false),
                Map.of(run.benchmarks().get(0).name(), 2), true); // two passes: a regression can be confirmed
        return new RunResult(run.suite(), run.created(), run.git(), run.environment(), run.settings(), scaled, info);
    }
}
