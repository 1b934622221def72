package dev.perfgate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow {@code perfgate init} writes, run step by step on this machine ({@link WorkflowRunner}): its own
 * steps and those of the action it calls, with the contexts and variables of a GitHub pull-request or push run, in
 * a user's repository ({@link CiFixture}) cloned shallow as actions/checkout clones it. Real: perfgate (the packaged
 * jar) on an embedded PostgreSQL, git, bash, jq and every script. Stood in for: GitHub's API behind the comment
 * ({@code PERFGATE_GH} = fake-gh, which keeps the comments in a file) and the marketplace actions
 * ({@link FakeActions}: checkout clones, the cache and the artifacts are folders; the jar is in the cache as a
 * first run that built it would have left it).
 */
class GithubWorkflowIT {

    /** The name of the action's step that runs perfgate (action.yml). */
    static final String CHECK_STEP = "perfgate";

    @TempDir
    Path tmp;

    CiFixture repo;
    FakeActions actions;
    Path ghDir;
    Path jarCache;
    long runs = 1000;
    boolean jarSeeded;

    @BeforeEach
    void repository() throws Exception {
        ghDir = Files.createDirectories(tmp.resolve("github-api"));
        jarCache = tmp.resolve("jar-cache");
        actions = new FakeActions(tmp.resolve("runner"), null);
    }

    /**
     * A pull request that slows a trigger fails as a performance regression, with the table as a comment and in the
     * job summary, JUnit and HTML uploaded, and the baseline untouched; the next push, which changes nothing
     * measured, passes and updates the same comment; a push whose suite cannot run fails as an error, and the
     * comment says so without claiming a regression.
     */
    @Test
    void aPullRequestIsGatedAgainstItsBaseCommit() throws Exception {
        repo = CiFixture.create(tmp);
        WorkflowRunner.JobRun slowed = pullRequest("slow", repo.slow);
        assertThat(slowed.succeeded()).as(slowed.log()).isFalse();
        assertThat(slowed.step("Gate").outcome()).isEqualTo("failure");
        assertThat(slowed.log()).contains("::error title=performance regression::")
                .contains("perfgate: fetching the base commit " + repo.base)
                .doesNotContain("could not do its job");
        Map<String, String> outputs = slowed.step(CHECK_STEP).outputs();
        assertThat(outputs).containsEntry("exit-code", "1").containsEntry("verdict", "fail");

        JsonNode comments = comments();
        assertThat(comments).hasSize(1);
        String body = comments.get(0).get("body").asText();
        assertThat(body).startsWith("<!-- perfgate-comparison -->\n## ❌ perfgate: FAIL")
                .containsPattern(row(CiFixture.SLOWED) + ".*regression")
                .contains("<!-- perfgate-key: perf -->", repo.slow);
        assertThat(CiFixture.read(slowed.summary())).contains("<!-- perfgate-comparison -->", "perfgate: FAIL")
                .containsPattern(row(CiFixture.SLOWED));
        Path reports = actions.artifact("perfgate").resolve("reports");
        assertThat(CiFixture.read(reports.resolve("perfgate-junit.xml"))).contains("<failure", CiFixture.SLOWED);
        assertThat(reports.resolve("comparison.html")).isNotEmptyFile();
        assertUntouchedBaseline(slowed.workspace());

        WorkflowRunner.JobRun unchanged = pullRequest("same", repo.same);
        assertThat(unchanged.succeeded()).as(unchanged.log()).isTrue();
        assertThat(unchanged.log()).contains("updated comment 1001 on pull request #7");
        assertThat(comments()).hasSize(1);
        assertThat(comments().get(0).get("body").asText()).containsPattern("perfgate: (PASS|WARN)")
                .doesNotContain("FAIL");
        assertUntouchedBaseline(unchanged.workspace());

        WorkflowRunner.JobRun broken = pullRequest("broken", repo.broken);
        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.log()).contains("::error title=perfgate could not do its job::")
                .doesNotContain("::error title=performance regression::");
        assertThat(broken.step(CHECK_STEP).outputs()).containsEntry("exit-code", "2")
                .containsEntry("verdict", "error");
        String error = comments().get(0).get("body").asText();
        assertThat(error).contains("## ⚠️ perfgate: ERROR", "could not do its job", "TABEL")
                .doesNotContainIgnoringCase("regression");
        assertThat(CiFixture.read(ghDir.resolve("calls.log")).lines().filter(l -> l.contains("-X POST"))).hasSize(1);
    }

    /**
     * Pushes to main record each run in the history kept in the cache (the second run finds the first), find
     * change points, draw the trend page for GitHub Pages, comment nowhere and leave the baseline as committed.
     */
    @Test
    void mainRecordsTheHistoryAndDrawsTheTrends() throws Exception {
        repo = CiFixture.create(tmp);
        WorkflowRunner.JobRun first = push();
        assertThat(first.succeeded()).as(first.log()).isTrue();
        WorkflowRunner.JobRun second = push();
        assertThat(second.succeeded()).as(second.log()).isTrue();
        assertThat(second.log()).contains("restored perfgate-history-1001-1");
        assertThat(Files.readAllLines(second.workspace().resolve("perfgate-history/history.jsonl"))).hasSize(2);
        assertThat(CiFixture.read(second.summary())).contains("perfgate: PASS", "change points over the history");
        assertThat(actions.artifact("github-pages").resolve("index.html")).isNotEmptyFile();
        assertThat(actions.artifact("perfgate").resolve("trends/change-points.txt")).exists();
        assertThat(second.step("Save the history").outcome()).isEqualTo("success");
        assertThat(ghDir.resolve("calls.log")).doesNotExist();
        assertUntouchedBaseline(second.workspace());
    }

    /** The matrix of {@code init --shards 2}: each shard measures its part in A/B, the judge merges and gates. */
    @Test
    void shardsMeasureTheirPartsAndTheJudgeGatesTheWhole() throws Exception {
        repo = CiFixture.create(tmp, "--shards", "2");
        List<WorkflowRunner.JobRun> jobs = run(repo.pullRequest(7, "slow", repo.slow, ++runs), "slow");
        assertThat(jobs).extracting(WorkflowRunner.JobRun::id).containsExactly("measure", "measure", "judge");
        assertThat(jobs.get(0).succeeded()).as(jobs.get(0).log()).isTrue();
        assertThat(jobs.get(1).succeeded()).as(jobs.get(1).log()).isTrue();
        WorkflowRunner.JobRun judge = jobs.get(2);
        assertThat(judge.succeeded()).as(judge.log()).isFalse();
        assertThat(judge.log()).contains("Merged 2 results files (shards 1/2, 2/2)", "::error title=performance regression::");
        assertThat(actions.artifact("perfgate-shard-1-of-2").resolve("results-base.json")).exists();
        assertThat(actions.artifact("perfgate-shard-2-of-2").resolve("results.json")).exists();
        String body = comments().get(0).get("body").asText();
        assertThat(body).contains("A/B").containsPattern(row(CiFixture.SLOWED) + ".*regression")
                .containsPattern(row(CiFixture.UNTOUCHED));
        assertThat(comments()).hasSize(1);
        assertUntouchedBaseline(judge.workspace());
    }

    /**
     * {@code init --source URL@REF}, the route that works before perfgate is published: the workflow fetches
     * perfgate's repository (here a local one standing in for the URL) at the pinned commit into the workspace, runs
     * the action from that checkout, and the action builds perfgate's jar from it with Maven (the cache is empty).
     * The branch has moved on to a commit whose check.sh would fail: the pinned commit is what runs.
     */
    @Test
    void aPinnedSourceIsCheckedOutAndBuiltFromThere() throws Exception {
        Path source = tmp.resolve("perfgate-source");
        String pinned = CiFixture.perfgateSource(source);
        repo = CiFixture.create(tmp, "--source", "file://" + source + "@" + pinned);
        jarSeeded = true; // nothing in the cache: the action builds the jar from the checkout
        WorkflowRunner.JobRun slowed = pullRequest("slow", repo.slow);
        Path checkout = slowed.workspace().resolve(".perfgate/src");
        assertThat(slowed.step("Check out perfgate").outcome()).as(slowed.log()).isEqualTo("success");
        assertThat(Scripts.git(checkout, "rev-parse", "HEAD")).isEqualTo(pinned);
        assertThat(slowed.log()).contains("perfgate: building the jar from " + checkout)
                .doesNotContain(CiFixture.UNPINNED);
        assertThat(slowed.step("Find or build perfgate").outputs().get("jar")).startsWith(jarCache.toString());
        assertThat(slowed.step(CHECK_STEP).outputs()).containsEntry("exit-code", "1").containsEntry("verdict", "fail");
        assertThat(slowed.log()).contains("::error title=performance regression::");
        assertThat(Scripts.git(slowed.workspace(), "status", "--porcelain", "--untracked-files=no")).isEmpty();
    }

    /** The action gating another harness's results: against none, the import and its baseline through args. */
    @Test
    void theActionGatesAnotherHarnesssResults() throws Exception {
        Path fixture = Files.createDirectories(tmp.resolve("fixture"));
        Files.copy(Path.of("src/test/resources/imports/hyperfine-sleep.json"), fixture.resolve("hyperfine-run.json"));
        Path imported = tmp.resolve("imported.json");
        CiFixture.perfgate("import", "hyperfine", fixture.resolve("hyperfine-run.json").toString(), "-o",
                imported.toString());
        CiFixture.perfgate("baseline", "accept", imported.toString(), "--baseline",
                fixture.resolve("perf/cli-baseline.json").toString(), "--reason", "first", "--yes",
                "--force"); // hyperfine's default 10 runs: fewer than a verdict needs, accepted on purpose
        actions.checkout(workspace -> FakeActions.copy(fixture, workspace));
        CiFixture.seedJar(actions, jarCache, tmp);
        Map<String, Object> github = new java.util.HashMap<>(Map.of("event_name", "pull_request", "sha", "abc",
                "repository", "acme/shop", "run_id", "1", "run_attempt", "1", "token", "fake-token",
                "event", Map.of("pull_request", Map.of("number", 3, "base", Map.of("sha", "def")))));
        WorkflowRunner runner = new WorkflowRunner(Files.createDirectories(tmp.resolve("run")), Scripts.REPO, "./",
                github, Map.of("PERFGATE_GH", Scripts.fake("fake-gh", tmp).toString(), "FAKE_GH_DIR",
                ghDir.toString(), "PERFGATE_JAR_CACHE", jarCache.toString()), actions);
        WorkflowRunner.JobRun job = runner.run(Yaml.map("""
                on: pull_request
                jobs:
                  hyperfine:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: ./
                        with:
                          against: none
                          args: --import hyperfine hyperfine-*.json --baseline perf/cli-baseline.json
                """)).get(0);
        assertThat(job.succeeded()).as(job.log()).isTrue();
        // The same results as the baseline: no regression (a warning may come from the run-to-run noise assumed
        // while the history is short).
        assertThat(job.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0").containsKey("verdict");
        assertThat(job.step(CHECK_STEP).outputs().get("verdict")).isIn("pass", "warn");
        assertThat(comments().get(0).get("body").asText()).containsPattern("perfgate: (PASS|WARN)").contains("sleep");
        assertThat(job.log()).doesNotContain("A/B in one session").doesNotContain("--against none");
    }

    private WorkflowRunner.JobRun pullRequest(String branch, String sha) throws Exception {
        List<WorkflowRunner.JobRun> jobs = run(repo.pullRequest(7, branch, sha, ++runs), branch);
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(false, true);
        return jobs.get(0);
    }

    private WorkflowRunner.JobRun push() throws Exception {
        List<WorkflowRunner.JobRun> jobs = run(repo.pushToMain(++runs), "main");
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(true, false);
        return jobs.get(1);
    }

    private List<WorkflowRunner.JobRun> run(Map<String, Object> github, String branch) throws Exception {
        actions.checkout(workspace -> repo.checkout(branch, workspace));
        if (!jarSeeded) CiFixture.seedJar(actions, jarCache, tmp);
        jarSeeded = true;
        actions.newRun();
        String text = CiFixture.read(repo.upstream.resolve(".github/workflows/performance.yml"));
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("uses: (\\S+/perfgate@\\S+)").matcher(text);
        boolean checkedOut = text.contains("- uses: ./.perfgate/src"); // init --source URL@REF: the action from there
        assertThat(checkedOut || action.find()).as("the workflow calls perfgate's action").isTrue();
        WorkflowRunner runner = new WorkflowRunner(Files.createDirectories(tmp.resolve("run-" + runs)), Scripts.REPO,
                checkedOut ? null : action.group(1), github, Map.of("PERFGATE_GH", Scripts.fake("fake-gh", tmp).toString(),
                "FAKE_GH_DIR", ghDir.toString(), "PERFGATE_JAR_CACHE", jarCache.toString()), actions);
        return runner.run(Yaml.map(text));
    }

    /** The start of a benchmark's row in the Markdown table (which escapes the underscores of names). */
    private static String row(String benchmark) {
        return "\\| " + java.util.regex.Pattern.quote(benchmark.replace("_", "\\_")) + " \\|";
    }

    private JsonNode comments() throws Exception {
        return Json.MAPPER.readTree(ghDir.resolve("comments.json").toFile());
    }

    /** The committed baseline, byte for byte, and no tracked file changed by the run. */
    private void assertUntouchedBaseline(Path workspace) throws Exception {
        assertThat(Files.readAllBytes(workspace.resolve("perf/baseline.json")))
                .isEqualTo(Files.readAllBytes(repo.upstream.resolve("perf/baseline.json")));
        assertThat(Scripts.git(workspace, "status", "--porcelain", "--untracked-files=no")).isEmpty();
    }
}
