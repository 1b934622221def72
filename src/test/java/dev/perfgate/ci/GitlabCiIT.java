package dev.perfgate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitLab CI that {@code perfgate init --ci gitlab} writes ({@code .gitlab-ci.yml} and the file it includes,
 * {@code .gitlab/perfgate.gitlab-ci.yml}), its jobs' {@code before_script} and
 * {@code script} lines run in order in one bash with {@code set -eo pipefail} (as GitLab's shell executor runs
 * them), with the predefined variables of a merge-request or default-branch pipeline, in a shallow clone of the
 * user's repository ({@link CiFixture}). Real: perfgate's jar, git, jq and every script. Stood in for: GitLab's API
 * ({@code PERFGATE_CURL} = fake-curl, notes kept in a file) and GitLab's cache, which already holds the perfgate
 * build (its jar, and its scripts from this working tree) as a first pipeline would have left it.
 */
class GitlabCiIT {

    @TempDir
    Path tmp;

    CiFixture repo;
    Map<String, Object> ci;
    Path api;
    boolean cached = true;

    @BeforeEach
    void repository() throws Exception {
        repo = CiFixture.create(tmp, "--ci", "gitlab");
        ci = CiFixture.gitlabCi(repo.upstream);
        api = Files.createDirectories(tmp.resolve("gitlab-api"));
    }

    @Test
    void aMergeRequestIsGatedAndGetsOneNote() throws Exception {
        assertThat(rule("perfgate:merge-request")).contains("merge_request_event");
        Scripts.Result slowed = job("perfgate:merge-request", "slow", repo.slow, mergeRequest());
        assertThat(slowed.exitCode()).as(slowed.output()).isEqualTo(1);
        assertThat(slowed.output()).contains("ERROR: performance regression: 1 regression (worse beyond the fail "
                        + "threshold, established): " + CiFixture.SLOWED + " +")
                .contains("see the table in this job's log, and the reports in the job's artifacts")
                .doesNotContain("job summary").contains("note on merge request !9");
        Path workspace = tmp.resolve("ws-slow");
        assertThat(CiFixture.read(workspace.resolve(artifact("junit")))).contains("<failure", CiFixture.SLOWED);
        JsonNode notes = notes();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("body").asText()).startsWith("<!-- perfgate-comparison -->\n## ❌ perfgate: FAIL")
                .contains(repo.slow);
        assertThat(Scripts.git(workspace, "status", "--porcelain", "--untracked-files=no")).isEmpty();

        Scripts.Result unchanged = job("perfgate:merge-request", "same", repo.same, mergeRequest());
        assertThat(unchanged.exitCode()).as(unchanged.output()).isZero();
        assertThat(unchanged.output()).contains("updated note on merge request !9");
        assertThat(notes()).hasSize(1);
        assertThat(notes().get(0).get("body").asText()).doesNotContain("FAIL");
    }

    /**
     * The default branch at a commit with a parent (the clone is whole: GIT_DEPTH 0): the drift steps measure the
     * commit against its parent (A/B, into the history), the check runs against the baseline (which names no anchor
     * commit here, so a warning says why there is no drift check), the ledger is printed, and both gates pass.
     */
    @Test
    void theDefaultBranchRecordsTheHistoryAndDrawsTheTrends() throws Exception {
        assertThat(rule("perfgate:main")).contains("CI_DEFAULT_BRANCH");
        Map<String, String> main = new LinkedHashMap<>(Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main",
                "CI_DEFAULT_BRANCH", "main", "CI_COMMIT_SHA", repo.same));
        Scripts.Result run = job("perfgate:main", "same", repo.same, main);
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path workspace = tmp.resolve("ws-same");
        assertThat(Files.readAllLines(workspace.resolve("perfgate-history/history.jsonl"))).hasSize(2);
        assertThat(CiFixture.read(workspace.resolve("perfgate-out/drift.env"))).contains("anchor-args=\n",
                "parent-exit-code=0\n");
        assertThat(workspace.resolve("perfgate-out/parent/reports/comparison.md")).isNotEmptyFile();
        assertThat(run.output()).contains("WARNING: no drift check: perf/baseline.json names no anchor commit")
                .doesNotContain("first commit has no parent", "unknown drift step");
        assertThat(workspace.resolve("perfgate-out/trends/index.html")).isNotEmptyFile();
        assertThat(run.output()).contains("perfgate: pass");
        assertThat(api.resolve("calls.log")).doesNotExist();
        assertThat(Scripts.git(workspace, "status", "--porcelain", "--untracked-files=no")).isEmpty();
    }

    /**
     * {@code init --ci gitlab --source URL@REF}, with a local repository standing in for the URL and nothing in
     * GitLab's cache: the before_script fetches perfgate at the pinned commit (not the branch's later one), builds it
     * with Maven and gates the merge request with that build.
     */
    @Test
    void aPinnedSourceIsFetchedAndBuilt() throws Exception {
        Path source = tmp.resolve("perfgate-source");
        String pinned = CiFixture.perfgateSource(source);
        repo = CiFixture.create(tmp.resolve("pinned"), "--ci", "gitlab", "--source", "file://" + source + "@" + pinned);
        ci = CiFixture.gitlabCi(repo.upstream);
        cached = false;
        Scripts.Result slowed = job("perfgate:merge-request", "slow", repo.slow, mergeRequest());
        assertThat(slowed.exitCode()).as(slowed.output()).isEqualTo(1);
        Path workspace = tmp.resolve("ws-slow");
        assertThat(Scripts.git(workspace.resolve(".perfgate/src"), "rev-parse", "HEAD")).isEqualTo(pinned);
        assertThat(workspace.resolve(".perfgate/perfgate.jar")).isNotEmptyFile();
        assertThat(slowed.output()).contains("ERROR: performance regression").doesNotContain(CiFixture.UNPINNED)
                .doesNotContain("detached HEAD");
    }

    private Map<String, String> mergeRequest() {
        return new LinkedHashMap<>(Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "CI_MERGE_REQUEST_IID", "9",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA", repo.base, "PERFGATE_GITLAB_TOKEN", "glpat-test"));
    }

    /** Runs a job's before_script and script in a fresh clone of {@code branch}, GitLab's way. */
    @SuppressWarnings("unchecked")
    private Scripts.Result job(String name, String branch, String sha, Map<String, String> predefined) throws Exception {
        Map<String, Object> job = (Map<String, Object>) ci.get(name);
        Map<String, Object> template = (Map<String, Object>) ci.get(job.get("extends").toString());
        Path workspace = Files.createDirectories(tmp.resolve("ws-" + branch));
        if ("0".equals(String.valueOf(((Map<String, Object>) template.get("variables")).get("GIT_DEPTH")))) {
            repo.checkoutWhole(branch, workspace);
        } else {
            repo.checkout(branch, workspace);
        }
        if (cached) cachedBuild(workspace);
        else Files.writeString(workspace.resolve(".git/info/exclude"), ".perfgate/\nperfgate-out/\nperfgate-history/\n");
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) template.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        ((Map<String, Object>) job.getOrDefault("variables", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        env.putAll(Map.of("CI", "true", "GITLAB_CI", "true", "CI_PROJECT_ID", "42", "CI_API_V4_URL",
                "https://gitlab.example.com/api/v4", "CI_JOB_URL", "https://gitlab.example.com/acme/shop/-/jobs/1",
                "CI_COMMIT_SHA", sha));
        env.putAll(predefined);
        env.put("PERFGATE_CURL", Scripts.fake("fake-curl", tmp).toString());
        env.put("FAKE_GITLAB_DIR", api.toString());
        List<String> lines = new ArrayList<>(List.of("set -eo pipefail"));
        for (String key : List.of("before_script", "script")) {
            Object part = job.containsKey(key) ? job.get(key) : template.get(key);
            for (Object line : (List<Object>) part) lines.add(line.toString());
        }
        Path script = Files.writeString(tmp.resolve("job-" + branch + ".sh"), String.join("\n", lines) + "\n");
        return Scripts.run(workspace, env, "bash", "--noprofile", "--norc", script.toString());
    }

    /** GitLab's cache as the first pipeline leaves it: perfgate's jar and its scripts (from this working tree). */
    private void cachedBuild(Path workspace) throws Exception {
        Path cached = Files.createDirectories(workspace.resolve(".perfgate/src/scripts"));
        FakeActions.copy(Scripts.REPO.resolve("scripts/ci"), cached.resolve("ci"));
        Files.copy(CiFixture.jar(), workspace.resolve(".perfgate/perfgate.jar"));
        Files.writeString(workspace.resolve(".git/info/exclude"), ".perfgate/\nperfgate-out/\nperfgate-history/\n");
    }

    @SuppressWarnings("unchecked")
    private String artifact(String report) {
        Map<String, Object> template = (Map<String, Object>) ci.get(".perfgate");
        return ((Map<String, Object>) ((Map<String, Object>) template.get("artifacts")).get("reports")).get(report)
                .toString();
    }

    @SuppressWarnings("unchecked")
    private String rule(String job) {
        return ((List<Object>) ((Map<String, Object>) ci.get(job)).get("rules")).toString();
    }

    private JsonNode notes() throws Exception {
        return Json.MAPPER.readTree(api.resolve("notes.json").toFile());
    }
}
