package dev.perfgate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first week of a team adopting perfgate (issue 22), played in order on one repository with the workflow
 * {@code perfgate init} writes, run step by step ({@link WorkflowRunner}) on the real jar and an embedded
 * PostgreSQL: the pull request that adds the suite (nothing at the base: it passes and says the benchmarks are new),
 * main's first run (no baseline: verdict none, a notice, an honest summary, exit 0), a pull request that slows a
 * trigger (fails), one that changes nothing measured (passes), and one whose base has a broken benchmark (the
 * others judged, that one marked "fails at the base: not compared"), and the pull request that brings the first
 * reviewed baseline (the comment says it was added, by whom, why, and where its summary is); and a project with a
 * {@code .gitlab-ci.yml} of its own. Each asserts the comment, the summary, the outputs and the exit code. Stood in for as in {@link GithubWorkflowIT}: GitHub's API (fake-gh, one comment store
 * per pull request) and the marketplace actions ({@link FakeActions}).
 */
class FirstWeekIT {

    static final String CHECK_STEP = GithubWorkflowIT.CHECK_STEP;

    @TempDir
    Path tmp;

    Path upstream;
    FakeActions actions;
    Path jarCache;
    long runs = 2000;

    @Test
    void theFirstWeekOfARealAdopter() throws Exception {
        upstream = Files.createDirectories(tmp.resolve("upstream"));
        actions = new FakeActions(tmp.resolve("runner"), null);
        jarCache = tmp.resolve("jar-cache");
        CiFixture.seedJar(actions, jarCache, tmp);
        String empty = emptyMain();

        // 1. The pull request that adds the suite, as init says to do next: nothing at the base, so nothing compared.
        String bootstrap = bootstrapBranch(empty);
        WorkflowRunner.JobRun first = pullRequest(1, "bootstrap", bootstrap, empty);
        assertThat(first.succeeded()).as(first.log()).isTrue();
        assertThat(first.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0").containsEntry("verdict", "none");
        String added = comment(1);
        assertThat(added).startsWith("<!-- perfgate-comparison -->\n## ℹ️ perfgate: nothing compared — new at the base")
                .containsPattern(row(CiFixture.SLOWED) + ".*🆕 new").contains("NEW SUITE")
                .doesNotContain("PASS", "✅", "ERROR");
        assertThat(first.log()).contains("::notice title=nothing compared::nothing compared (new at the base)");

        // 2. Merged: main's first run has no baseline, so nothing is compared; the job stays green and says so once.
        Scripts.git(upstream, "merge", "-q", "--ff-only", "bootstrap");
        String main1 = Scripts.git(upstream, "rev-parse", "HEAD");
        WorkflowRunner.JobRun record = push(main1);
        assertThat(record.succeeded()).as(record.log()).isTrue();
        assertThat(record.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0").containsEntry("verdict", "none");
        assertThat(CiFixture.read(record.summary())).contains("## ℹ️ perfgate: nothing compared — no baseline",
                "perfgate baseline accept").doesNotContain("perfgate: PASS");
        assertThat(record.log()).contains("::notice title=nothing compared::nothing compared (no baseline)")
                .doesNotContain("no environment fingerprint");
        assertThat(record.log()).as("NO BASELINE is said once").containsOnlyOnce("NO BASELINE");

        // 2b. The first baseline, accepted from main's run and reviewed in a pull request that says it changed.
        String baseline = acceptedBaseline(main1, actions.artifact("perfgate").resolve("results.json"));
        WorkflowRunner.JobRun review = pullRequest(5, "baseline", baseline, main1);
        assertThat(review.succeeded()).as(review.log()).isTrue();
        assertThat(review.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0");
        assertThat(comment(5)).contains("BASELINE ADDED in this change: perf/baseline.json",
                "first baseline: main's first run", "review perf/baseline.summary.md").doesNotContain("FAIL");

        // 3. A pull request that slows the trigger fails as a regression, naming the benchmark and its change.
        String slow = branch("slow", main1, "_suite.sql", s -> s.replace("RETURN NEW;",
                "PERFORM pg_sleep(0.002);\n    RETURN NEW;"));
        WorkflowRunner.JobRun slowed = pullRequest(2, "slow", slow, main1);
        assertThat(slowed.succeeded()).isFalse();
        assertThat(slowed.step(CHECK_STEP).outputs()).containsEntry("exit-code", "1").containsEntry("verdict", "fail");
        assertThat(comment(2)).startsWith("<!-- perfgate-comparison -->\n## ❌ perfgate: FAIL")
                .containsPattern(row(CiFixture.SLOWED) + ".*regression");
        assertThat(slowed.log()).contains("::error title=performance regression::1 regression (worse beyond the fail "
                + "threshold, established): " + CiFixture.SLOWED + " +");

        // 4. A pull request that changes nothing measured passes (a warning at most), with its own comment.
        String same = branch("same", main1, "README.md", s -> s + "\nNothing measured changes here.\n");
        WorkflowRunner.JobRun unchanged = pullRequest(3, "same", same, main1);
        assertThat(unchanged.succeeded()).as(unchanged.log()).isTrue();
        assertThat(unchanged.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0");
        assertThat(unchanged.step(CHECK_STEP).outputs().get("verdict")).isIn("pass", "warn");
        assertThat(comment(3)).containsPattern("## (✅|⚠️) perfgate: (PASS|WARN)").doesNotContain("FAIL");

        // 5. A benchmark broken on main (a typo), and the pull request that fixes it: the others are judged.
        String broken = commitOnMain("broken.sql", "-- perfgate:run\nSELECT count(*) FROM acounts;\n");
        String fix = branch("fix", broken, "broken.sql", s -> s.replace("acounts", "accounts"));
        WorkflowRunner.JobRun fixed = pullRequest(4, "fix", fix, broken);
        assertThat(fixed.succeeded()).as(fixed.log()).isTrue();
        assertThat(fixed.step(CHECK_STEP).outputs()).containsEntry("exit-code", "0").containsEntry("verdict", "warn");
        assertThat(comment(4)).contains("## ⚠️ perfgate: WARN", "not compared)",
                        "⛔ fails at the base: not compared", "relation \"acounts\" does not exist", "Fix it at the base")
                .containsPattern(row(CiFixture.UNTOUCHED) + " [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9]+ \\|");
        assertThat(fixed.log()).contains("::warning title=performance warning::")
                .contains("1 not compared (fails at the base): broken");
    }

    /**
     * A team that already has a {@code .gitlab-ci.yml} adds perfgate's GitLab jobs to the project with a suite:
     * init keeps both whole, writes its own file and says the one include line; with it, GitLab sees both.
     */
    @Test
    void anExistingGitlabCiFileIsKeptAndIncluded() throws Exception {
        upstream = Files.createDirectories(tmp.resolve("gitlab-project"));
        CiFixture.perfgate("init", "perf", "--root", upstream.toString());
        String ownCi = "stages: [test]\nunit:\n  stage: test\n  script: [make test]\n";
        Files.writeString(upstream.resolve(".gitlab-ci.yml"), ownCi);
        Files.writeString(upstream.resolve("perf/_suite.sql"), "-- ours, edited\n"
                + Files.readString(upstream.resolve("perf/_suite.sql")));
        String suite = Files.readString(upstream.resolve("perf/_suite.sql"));

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = dev.perfgate.cli.Main.run(print, print, "init", "perf", "--ci", "gitlab", "--root",
                upstream.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(Files.readString(upstream.resolve(".gitlab-ci.yml"))).isEqualTo(ownCi);
        assertThat(Files.readString(upstream.resolve("perf/_suite.sql"))).isEqualTo(suite);
        assertThat(out.toString()).contains("include:\n  - local: .gitlab/perfgate.gitlab-ci.yml")
                .doesNotContain("overwritten");
        Files.writeString(upstream.resolve(".gitlab-ci.yml"), ownCi + "include:\n  - local: "
                + ".gitlab/perfgate.gitlab-ci.yml\n");
        assertThat(CiFixture.gitlabCi(upstream)).containsKeys("unit", "perfgate:merge-request", "perfgate:main");
    }

    /**
     * The reviewed baseline: main's results accepted ({@code baseline accept}, which writes the summary beside it)
     * on a branch of {@code base}.
     */
    private String acceptedBaseline(String base, Path mainResults) throws Exception {
        Path results = Files.copy(mainResults, tmp.resolve("main-results.json"));
        Scripts.git(upstream, "checkout", "-q", "-b", "baseline", base);
        CiFixture.perfgate("baseline", "accept", results.toString(), "--suite", upstream.resolve("perf").toString(),
                "--reason", "first baseline: main's first run", "--yes");
        Scripts.git(upstream, "add", ".");
        Scripts.git(upstream, "commit", "-q", "-m", "the first baseline");
        String sha = Scripts.git(upstream, "rev-parse", "HEAD");
        Scripts.git(upstream, "checkout", "-q", "main");
        return sha;
    }

    /** main with a README only: the project before it adopts perfgate. */
    private String emptyMain() throws Exception {
        Scripts.git(upstream, "init", "-q");
        Files.writeString(upstream.resolve("README.md"), "# shop\n");
        Scripts.git(upstream, "add", ".");
        Scripts.git(upstream, "commit", "-q", "-m", "the project");
        Scripts.git(upstream, "config", "uploadpack.allowAnySHA1InWant", "true");
        return Scripts.git(upstream, "rev-parse", "HEAD");
    }

    /**
     * The branch {@code perfgate init} makes: the suite and the workflow, with a trigger to slow, a read it does not
     * touch, and wide thresholds (this shared 2-core machine; the slowed trigger is many times slower).
     */
    private String bootstrapBranch(String base) throws Exception {
        Scripts.git(upstream, "checkout", "-q", "-b", "bootstrap", base);
        CiFixture.perfgate("init", "perf", "--root", upstream.toString());
        Path suite = upstream.resolve("perf");
        CiFixture.shape(suite);
        Scripts.git(upstream, "add", ".");
        Scripts.git(upstream, "commit", "-q", "-m", "performance gate: perfgate init");
        String sha = Scripts.git(upstream, "rev-parse", "HEAD");
        Scripts.git(upstream, "checkout", "-q", "main");
        return sha;
    }

    private String branch(String name, String base, String file, java.util.function.UnaryOperator<String> change)
            throws Exception {
        Scripts.git(upstream, "checkout", "-q", "-b", name, base);
        Path p = file.equals("README.md") ? upstream.resolve(file) : upstream.resolve("perf").resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        assertThat(after).as(name + " changes " + file).isNotEqualTo(before);
        Files.writeString(p, after);
        Scripts.git(upstream, "commit", "-q", "-a", "-m", name);
        String sha = Scripts.git(upstream, "rev-parse", "HEAD");
        Scripts.git(upstream, "checkout", "-q", "main");
        return sha;
    }

    private String commitOnMain(String file, String text) throws Exception {
        Files.writeString(upstream.resolve("perf").resolve(file), text);
        Scripts.git(upstream, "add", ".");
        Scripts.git(upstream, "commit", "-q", "-m", "add " + file);
        return Scripts.git(upstream, "rev-parse", "HEAD");
    }

    /** The workflow's pull-request job for pull request {@code number} from {@code head} into {@code base}. */
    private WorkflowRunner.JobRun pullRequest(int number, String head, String headSha, String base) throws Exception {
        Map<String, Object> github = common(headSha);
        github.put("event_name", "pull_request");
        github.put("ref", "refs/pull/" + number + "/merge");
        github.put("base_ref", "main");
        github.put("head_ref", head);
        github.put("event", Map.of("number", number, "pull_request", Map.of("number", number,
                "base", Map.of("sha", base, "ref", "main"), "head", Map.of("sha", headSha, "ref", head))));
        actions.checkout(workspace -> Scripts.git(workspace, "clone", "-q", "--depth", "1", "--no-tags", "--branch",
                head, "file://" + upstream, workspace.toString()));
        List<WorkflowRunner.JobRun> jobs = run(github, headSha, ghDir(number));
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(false, true);
        return jobs.get(0);
    }

    /** The workflow's main job for a push of {@code sha}, in a full clone (the drift step needs the history). */
    private WorkflowRunner.JobRun push(String sha) throws Exception {
        Map<String, Object> github = common(sha);
        github.put("event_name", "push");
        github.put("ref", "refs/heads/main");
        github.put("event", Map.of("ref", "refs/heads/main", "after", sha));
        actions.checkout(workspace -> Scripts.git(workspace, "clone", "-q", "--no-tags", "--branch", "main",
                "file://" + upstream, workspace.toString()));
        List<WorkflowRunner.JobRun> jobs = run(github, sha, ghDir(0));
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(true, false);
        assertThat(ghDir(0).resolve("calls.log")).as("main comments nowhere").doesNotExist();
        return jobs.get(1);
    }

    private List<WorkflowRunner.JobRun> run(Map<String, Object> github, String sha, Path ghDir) throws Exception {
        actions.newRun();
        String text = Scripts.git(upstream, "show", sha + ":.github/workflows/performance.yml");
        Matcher action = Pattern.compile("uses: (\\S+/perfgate@\\S+)").matcher(text);
        assertThat(action.find()).as("the workflow calls perfgate's action").isTrue();
        WorkflowRunner runner = new WorkflowRunner(Files.createDirectories(tmp.resolve("run-" + ++runs)), Scripts.REPO,
                action.group(1), github, Map.of("PERFGATE_GH", Scripts.fake("fake-gh", tmp).toString(),
                "FAKE_GH_DIR", ghDir.toString(), "PERFGATE_JAR_CACHE", jarCache.toString()), actions);
        return runner.run(Yaml.map(text));
    }

    private Map<String, Object> common(String sha) {
        Map<String, Object> github = new HashMap<>();
        github.put("sha", sha);
        github.put("repository", "acme/shop");
        github.put("run_id", String.valueOf(runs + 1));
        github.put("run_attempt", "1");
        github.put("server_url", "https://github.com");
        github.put("token", "fake-token");
        return github;
    }

    /** GitHub's comments of pull request {@code number} (0: main's runs, which must write none). */
    private Path ghDir(int number) throws Exception {
        return Files.createDirectories(tmp.resolve("github-api-" + number));
    }

    /** The one perfgate comment on pull request {@code number}. */
    private String comment(int number) throws Exception {
        JsonNode comments = Json.MAPPER.readTree(ghDir(number).resolve("comments.json").toFile());
        assertThat(comments).hasSize(1);
        return comments.get(0).get("body").asText();
    }

    /** The start of a benchmark's row in the Markdown table (which escapes the underscores of names). */
    private static String row(String benchmark) {
        return "\\| " + Pattern.quote(benchmark.replace("_", "\\_")) + " \\|";
    }
}
