package dev.perfgate.results;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.model.Shard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsMergeTest {

    private static final Environment RUNNER_1 = new Environment("fp-1", "Xeon", 2, 8L << 30, "Linux", "17", null);
    private static final Environment RUNNER_2 = new Environment("fp-2", "EPYC", 4, 16L << 30, "Linux", "17", null);

    @Test
    void shardsBecomeOneRunWithTheFirstsCommitAndEnvironment() {
        RunResult one = shard(1, 2, RUNNER_1, "bulk_1k_rows", "example_update");
        RunResult two = shard(2, 2, RUNNER_2, "single_row_update");
        ResultsMerge.Merged merged = ResultsMerge.merge(List.of(part("a.json", one), part("b.json", two)));
        RunResult run = merged.run();
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name)
                .containsExactly("bulk_1k_rows", "example_update", "single_row_update");
        assertThat(run.environment()).isEqualTo(RUNNER_1);
        assertThat(run.git()).isEqualTo(one.git());
        assertThat(run.created()).isEqualTo(one.created());
        assertThat(run.settings().extra()).containsEntry("shards", List.of("1/2", "2/2")).containsEntry("seed", 42)
                .doesNotContainKey("shard");
        assertThat(run.settings().iterations()).isEqualTo(30);
        assertThat(merged.warnings()).isEmpty();
        assertThat(ResultsJson.parse(ResultsJson.toJson(run), "merged").settings().extra())
                .as("the shards survive the file").containsEntry("shards", List.of("1/2", "2/2"));
    }

    @Test
    void aMissingShardIsAWarning() {
        ResultsMerge.Merged merged = ResultsMerge.merge(List.of(part("a.json", shard(1, 3, RUNNER_1, "x")),
                part("c.json", shard(3, 3, RUNNER_1, "z"))));
        assertThat(merged.warnings()).singleElement().asString().startsWith("merged 2 of 3 shards; missing 2/3 ");
    }

    @Test
    void refusesDifferentSuites() {
        RunResult other = new RunResult("other", null, null, null, null, List.of(bench("y", 1.0)));
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("a.json", shard(1, 2, RUNNER_1, "x")),
                part("b.json", other)))).isInstanceOf(PerfgateException.class)
                .hasMessage("cannot merge b.json (suite other) with a.json (suite s): merge the shards of one suite");
    }

    @Test
    void refusesADuplicateBenchmarkNamingBothFiles() {
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("a.json", shard(1, 2, RUNNER_1, "x", "y")),
                part("b.json", shard(2, 2, RUNNER_1, "y"))))).isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith("cannot merge: benchmark y is in both a.json and b.json");
    }

    @Test
    void refusesTheSameShardTwiceAndShardsOfDifferentSplits() {
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("a.json", shard(1, 2, RUNNER_1, "x")),
                part("b.json", shard(1, 2, RUNNER_1, "y"))))).hasMessageContaining("shard 1/2 appears twice");
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("a.json", shard(1, 2, RUNNER_1, "x")),
                part("b.json", shard(2, 3, RUNNER_1, "y"))))).hasMessageContaining("(shard 2/3) with shards of 2");
    }

    @Test
    void refusesMixingTheSidesOfAnAbRunOrAbWithPlain() {
        RunResult base = ab(shard(1, 2, RUNNER_1, "x"), "s1", AbInfo.BASE, Map.of("x", 1));
        RunResult candidate = ab(shard(2, 2, RUNNER_1, "y"), "s2", AbInfo.CANDIDATE, Map.of("y", 1));
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("base1.json", base), part("cand2.json", candidate))))
                .hasMessageStartingWith("cannot merge base1.json (the base of an A/B run) with cand2.json (the "
                        + "candidate)");
        assertThatThrownBy(() -> ResultsMerge.merge(List.of(part("base1.json", base),
                part("plain.json", shard(2, 2, RUNNER_1, "y"))))).hasMessageStartingWith(
                "cannot merge base1.json (one side of an A/B run) with plain.json (a plain run)");
    }

    /** The merged sides of A/B shards pair up again, whatever order each side's files came in. */
    @Test
    void mergedAbSidesShareOneSessionAndCompareInPairs() {
        // x's regression was confirmed by a second pass (a first-pass regression alone is only a warning)
        RunResult base1 = ab(shard(1, 2, RUNNER_1, "x"), "s1", AbInfo.BASE, Map.of("x", 2));
        RunResult cand1 = ab(slower(shard(1, 2, RUNNER_1, "x"), 1.5), "s1", AbInfo.CANDIDATE, Map.of("x", 2));
        RunResult base2 = ab(shard(2, 2, RUNNER_2, "y"), "s2", AbInfo.BASE, Map.of("y", 3));
        RunResult cand2 = ab(shard(2, 2, RUNNER_2, "y"), "s2", AbInfo.CANDIDATE, Map.of("y", 3));
        RunResult base = ResultsMerge.merge(List.of(part("b2", base2), part("b1", base1))).run();
        RunResult candidate = ResultsMerge.merge(List.of(part("c1", cand1), part("c2", cand2))).run();
        assertThat(base.ab().session()).isEqualTo("s1+s2").isEqualTo(candidate.ab().session());
        assertThat(base.ab().isBaseOf(candidate.ab())).isTrue();
        assertThat(candidate.ab().looks()).containsEntry("x", 2).containsEntry("y", 3);
        RunResult again = ResultsMerge.merge(List.of(part("m", candidate))).run();
        assertThat(again.ab().session()).isEqualTo("s1+s2");

        ComparisonReport report = RegressionCheck.comparePaired(base, candidate, Policy.DEFAULT);
        assertThat(report.mode()).isEqualTo(ComparisonReport.Mode.AB);
        assertThat(report.benchmarks()).extracting(b -> b.name() + " " + b.verdict().jsonName())
                .containsExactlyInAnyOrder("x regression", "y ok");
    }

    private static ResultsMerge.Part part(String source, RunResult run) {
        return new ResultsMerge.Part(source, run);
    }

    private static RunResult shard(int index, int count, Environment env, String... names) {
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (String n : names) benchmarks.add(bench(n, 1.0));
        RunResult run = new RunResult("s", Instant.parse("2026-01-0" + index + "T00:00:00Z"),
                new GitInfo("c" + index, "main", false), env, new RunSettings(30, 5, false, Map.of("seed", 42)),
                benchmarks);
        return new Shard(index, count).mark(run);
    }

    /** 30 samples around {@code median}, the same pattern in every file, so pairs of equal medians tie. */
    private static BenchmarkResult bench(String name, double median) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) samples.add(median * (1 + 0.01 * ((i * 7) % 11 - 5)));
        return new BenchmarkResult(name, "ms", Direction.LOWER, samples);
    }

    private static RunResult slower(RunResult run, double factor) {
        List<BenchmarkResult> slowed = run.benchmarks().stream().map(b -> new BenchmarkResult(b.name(), b.unit(),
                b.direction(), b.samples().stream().map(v -> v * factor).toList())).toList();
        return new RunResult(run.suite(), run.created(), run.git(), run.environment(), run.settings(), slowed, run.ab());
    }

    private static RunResult ab(RunResult run, String session, String role, Map<String, Integer> looks) {
        AbInfo.Version base = new AbInfo.Version("git", "HEAD~1", "abc", "perf", null);
        AbInfo.Version candidate = new AbInfo.Version("worktree", null, "def", "perf", false);
        return run.withAb(new AbInfo(session, role, base, candidate, looks, true));
    }
}
