package dev.perfgate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.postgres.PgworkBuilds;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workflow {@code perfgate init --extension pgxs --postgresql 15} writes, run step by step on this machine
 * ({@link WorkflowRunner}) in an extension author's repository: the test extension pgwork's PGXS source at its top,
 * a suite that calls it, and pull requests whose head makes its function do 25 % more work (the Makefile's WORK from
 * 100 to 125) or changes nothing it measures. Real: the workflow's own steps (installing PostgreSQL finds Debian's 15
 * here and says so; the base commit fetched into a git worktree; both builds with make install DESTDIR), the action's
 * scripts and perfgate's jar starting a throwaway cluster from /usr/lib/postgresql/15/bin per build. Stood in for,
 * as in {@link GithubWorkflowIT}: GitHub's API (fake-gh) and the marketplace actions ({@link FakeActions}). Skipped,
 * naming what to install, without PostgreSQL 15, its headers, make, a C compiler or the clang its PGXS calls.
 */
class ExtensionWorkflowIT {

    /** The benchmark calling the extension's function. */
    static final String SPIN = "spin";

    @TempDir
    static Path tmp;

    static Path upstream;
    static String base;
    static String slower;
    static String same;
    static FakeActions actions;
    static Path ghDir;
    static Path jarCache;
    static long runs = 2000;

    @BeforeAll
    static void repository() throws Exception {
        PgworkBuilds.debian15();
        PgworkBuilds.assumeToolchain(PgworkBuilds.DEBIAN_15);
        assumeClangIfPgxsWantsIt();
        upstream = Files.createDirectories(tmp.resolve("upstream"));
        copyPgwork(upstream);
        Scripts.git(upstream, "init", "-q");
        CiFixture.perfgate("init", "perf", "--root", upstream.toString(), "--extension", "pgxs", "--postgresql", "15");
        Path suite = upstream.resolve("perf");
        Files.delete(suite.resolve("example_update.sql")); // an UPDATE the builds do not change: time, not evidence
        // ten calls a statement, their argument from the rows, so no plan can fold them into a constant
        Files.writeString(suite.resolve(SPIN + ".sql"), "-- perfgate:run\n"
                + "SELECT sum(pgwork_spin(4000 + g % 2)) FROM generate_series(1, 10) g;\n");
        Files.writeString(upstream.resolve(".gitignore"), "*.o\n*.so\n*.bc\n");
        Scripts.git(upstream, "add", ".");
        Scripts.git(upstream, "commit", "-q", "-m", "pgwork, its suite and CI");
        base = Scripts.git(upstream, "rev-parse", "HEAD");
        slower = branch("slower", "Makefile", s -> s.replace("WORK ?= 100", "WORK ?= 125"));
        same = branch("same", "perf/README.md", s -> s + "\nNothing here changes what the suite measures.\n");
        Scripts.git(upstream, "config", "uploadpack.allowAnySHA1InWant", "true");

        ghDir = Files.createDirectories(tmp.resolve("github-api"));
        jarCache = tmp.resolve("jar-cache");
        actions = new FakeActions(tmp.resolve("runner"), null);
        CiFixture.seedJar(actions, jarCache, tmp);
    }

    /**
     * A pull request whose build does a quarter more work per call fails as a performance regression; the comment
     * and the job summary name the regressed benchmark and both builds (the base's and the head's staged trees) on
     * PostgreSQL 15; the next push, whose build is the base's, passes and updates the same comment.
     */
    @Test
    void aSlowerBuildIsCaughtAndAnUnchangedOnePasses() throws Exception {
        WorkflowRunner.JobRun slow = pullRequest("slower", slower);
        assertThat(slow.succeeded()).as(slow.log()).isFalse();
        assertThat(slow.log()).contains("PostgreSQL 15 and its headers are installed already")
                .contains("::error title=performance regression::").doesNotContain("could not do its job");
        assertThat(slow.step("Build the extension at the base commit and at the head").outcome()).isEqualTo("success");
        assertThat(slow.step("Gate").outcome()).isEqualTo("failure");
        assertThat(slow.step(GithubWorkflowIT.CHECK_STEP).outputs()).containsEntry("exit-code", "1")
                .containsEntry("verdict", "fail");
        Path temp = slow.workspace().getParent();
        assertThat(temp.resolve("base-stage")).isDirectory();
        String body = comments().get(0).get("body").asText();
        String[] builds = {"pgwork from " + temp.resolve("base-stage"), "pgwork from " + temp.resolve("head-stage")};
        assertThat(body).startsWith("<!-- perfgate-comparison -->\n## ❌ perfgate: FAIL")
                .containsPattern("\\| " + SPIN + " \\|.*regression").contains("PostgreSQL 15.").contains(builds);
        assertThat(CiFixture.read(slow.summary())).contains("perfgate: FAIL").contains(builds);

        WorkflowRunner.JobRun unchanged = pullRequest("same", same);
        assertThat(unchanged.succeeded()).as(unchanged.log()).isTrue();
        assertThat(unchanged.step(GithubWorkflowIT.CHECK_STEP).outputs().get("verdict")).isIn("pass", "warn");
        assertThat(unchanged.log()).contains("updated comment 1001 on pull request #4");
        assertThat(comments()).hasSize(1);
        assertThat(comments().get(0).get("body").asText()).containsPattern("perfgate: (PASS|WARN)")
                .doesNotContain("FAIL").contains("pgwork from " + unchanged.workspace().getParent()
                        .resolve("head-stage"));
    }

    /** A push to main builds the extension once and records the run in PostgreSQL 15's own history. */
    @Test
    void mainRecordsEachMajorsHistory() throws Exception {
        Map<String, Object> github = context(base, "push");
        github.put("ref", "refs/heads/main");
        github.put("event", Map.of("ref", "refs/heads/main", "after", base));
        List<WorkflowRunner.JobRun> jobs = run(github, "main");
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(true, false);
        WorkflowRunner.JobRun record = jobs.get(1);
        assertThat(record.succeeded()).as(record.log()).isTrue();
        assertThat(String.valueOf(record.matrix().get("postgresql"))).isEqualTo("15");
        assertThat(Files.readAllLines(record.workspace().resolve("perfgate-history/pg15.jsonl"))).singleElement()
                .asString().contains("\"version\":\"15.", "pgwork from " + record.workspace().getParent()
                        .resolve("stage"));
        assertThat(actions.artifact("perfgate-pg15").resolve("results.json")).exists();
        assertThat(record.step("Save the history").outcome()).isEqualTo("success");
    }

    /**
     * The {@code .gitlab-ci.yml} of {@code init --extension pgxs --ci gitlab}: its merge-request job's
     * before_script and script, run in order in one bash as GitLab's shell runs them ({@link GitlabCiIT}), build
     * both sides in temporary folders and fail on the slower build, its note naming both.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aGitlabMergeRequestIsGatedTheSameWay() throws Exception {
        Path rendered = tmp.resolve("gitlab-init");
        CiFixture.perfgate("init", "perf", "--root", rendered.toString(), "--ci", "gitlab", "--extension", "pgxs",
                "--extension-name", "pgwork", "--postgresql", "15");
        Map<String, Object> ci = CiFixture.gitlabCi(rendered);
        Map<String, Object> template = (Map<String, Object>) ci.get(".perfgate");
        Map<String, Object> job = (Map<String, Object>) ci.get("perfgate:merge-request");
        Path workspace = Files.createDirectories(tmp.resolve("gitlab-ws"));
        Scripts.git(workspace, "clone", "-q", "--no-tags", "--branch", "slower", "file://" + upstream,
                workspace.toString());
        // GitLab's cache as the first pipeline leaves it: perfgate's jar and its scripts (from this working tree)
        FakeActions.copy(Scripts.REPO.resolve("scripts/ci"), workspace.resolve(".perfgate/src/scripts/ci"));
        Files.copy(CiFixture.jar(), workspace.resolve(".perfgate/perfgate.jar"));
        Path api = Files.createDirectories(tmp.resolve("gitlab-api"));
        Map<String, String> env = new HashMap<>();
        ((Map<String, Object>) template.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        ((Map<String, Object>) job.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        env.putAll(Map.of("CI", "true", "GITLAB_CI", "true", "CI_PROJECT_ID", "42", "CI_PROJECT_DIR",
                workspace.toString(), "CI_API_V4_URL", "https://gitlab.example.com/api/v4", "CI_JOB_URL",
                "https://gitlab.example.com/acme/pgwork/-/jobs/1", "CI_COMMIT_SHA", slower, "CI_PIPELINE_SOURCE",
                "merge_request_event", "CI_MERGE_REQUEST_IID", "5", "CI_MERGE_REQUEST_DIFF_BASE_SHA", base));
        env.putAll(Map.of("PERFGATE_GITLAB_TOKEN", "glpat-test", "PERFGATE_CURL", Scripts.fake("fake-curl", tmp)
                .toString(), "FAKE_GITLAB_DIR", api.toString()));
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("gitlab-tmp")).toString()); // mktemp's stages
        StringBuilder lines = new StringBuilder("set -eo pipefail\n");
        for (Object line : (List<Object>) template.get("before_script")) lines.append(line).append('\n');
        for (Object line : (List<Object>) job.get("script")) lines.append(line).append('\n');
        Path script = Files.writeString(tmp.resolve("gitlab-job.sh"), lines.toString());
        Scripts.Result r = Scripts.run(workspace, env, "bash", "--noprofile", "--norc", script.toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("PostgreSQL 15 and its headers are installed already",
                "ERROR: performance regression", "note on merge request !5");
        JsonNode notes = Json.MAPPER.readTree(api.resolve("notes.json").toFile());
        assertThat(notes.get(0).get("body").asText()).contains("perfgate: FAIL")
                .containsPattern("\\| " + SPIN + " \\|.*regression")
                .containsPattern("pgwork from \\S+/base.*pgwork from \\S+/head");
    }

    private WorkflowRunner.JobRun pullRequest(String branch, String sha) throws Exception {
        Map<String, Object> github = context(sha, "pull_request");
        github.put("ref", "refs/pull/4/merge");
        github.put("base_ref", "main");
        github.put("head_ref", branch);
        github.put("event", Map.of("number", 4, "pull_request", Map.of("number", 4,
                "base", Map.of("sha", base, "ref", "main"), "head", Map.of("sha", sha, "ref", branch))));
        List<WorkflowRunner.JobRun> jobs = run(github, branch);
        assertThat(jobs).extracting(WorkflowRunner.JobRun::skipped).containsExactly(false, true);
        return jobs.get(0);
    }

    private static Map<String, Object> context(String sha, String event) {
        Map<String, Object> github = new HashMap<>(Map.of("sha", sha, "repository", "acme/pgwork", "run_id",
                String.valueOf(++runs), "run_attempt", "1", "server_url", "https://github.com", "token", "fake-token"));
        github.put("event_name", event);
        return github;
    }

    private List<WorkflowRunner.JobRun> run(Map<String, Object> github, String branch) throws Exception {
        actions.checkout(workspace -> Scripts.git(workspace, "clone", "-q", "--depth", "1", "--no-tags", "--branch",
                branch, "file://" + upstream, workspace.toString()));
        actions.newRun();
        String text = CiFixture.read(upstream.resolve(".github/workflows/performance.yml"));
        Matcher action = Pattern.compile("uses: (\\S+/perfgate@\\S+)").matcher(text);
        assertThat(action.find()).as("the workflow calls perfgate's action").isTrue();
        WorkflowRunner runner = new WorkflowRunner(Files.createDirectories(tmp.resolve("run-" + runs)), Scripts.REPO,
                action.group(1), github, Map.of("PERFGATE_GH", Scripts.fake("fake-gh", tmp).toString(),
                "FAKE_GH_DIR", ghDir.toString(), "PERFGATE_JAR_CACHE", jarCache.toString()), actions);
        return runner.run(Yaml.map(text));
    }

    private static String branch(String name, String file, java.util.function.UnaryOperator<String> change)
            throws Exception {
        Scripts.git(upstream, "checkout", "-q", "-b", name, base);
        Path p = upstream.resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        if (after.equals(before)) throw new IllegalStateException(name + ": the change did not apply to " + file);
        Files.writeString(p, after);
        Scripts.git(upstream, "commit", "-q", "-a", "-m", name);
        String sha = Scripts.git(upstream, "rev-parse", "HEAD");
        Scripts.git(upstream, "checkout", "-q", "main");
        return sha;
    }

    private static void copyPgwork(Path to) throws Exception {
        Path from = Path.of(ExtensionWorkflowIT.class.getClassLoader().getResource("extensions/pgwork").toURI());
        FakeActions.copy(from, to);
    }

    /**
     * PGXS compiles JIT bitcode with the clang it was configured with when the installation has LLVM (Debian's
     * does); the workflow builds as users do, so that clang must be there.
     */
    private static void assumeClangIfPgxsWantsIt() throws Exception {
        Scripts.Result pgxs = Scripts.run(tmp, Map.of(), PgworkBuilds.DEBIAN_15.resolve("pg_config").toString(),
                "--pgxs");
        Path global = Path.of(pgxs.output().strip()).getParent().getParent().resolve("Makefile.global");
        String text = Files.exists(global) ? Files.readString(global) : "";
        Matcher llvm = Pattern.compile("(?m)^with_llvm\\s*=\\s*yes").matcher(text);
        Matcher clang = Pattern.compile("(?m)^CLANG\\s*=\\s*(\\S+)").matcher(text);
        if (llvm.find() && clang.find()) {
            Path path = Path.of(clang.group(1));
            assumeTrue(Files.isExecutable(path), "skipped: PGXS of PostgreSQL 15 compiles bitcode with " + path
                    + ", which is missing: install it (apt-get install " + path.getFileName() + ")");
        }
    }

    private static JsonNode comments() throws Exception {
        return Json.MAPPER.readTree(ghDir.resolve("comments.json").toFile());
    }
}
