package dev.perfgate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI scripts' own decisions, without a server or a perfgate run (the integration tests run them for real): how
 * each exit code ends the job, what is said when a tool or file is missing, and how the pull-request comment is
 * found, created, updated and never claims a regression on exit code 2. GitHub's API is {@code fake-gh}.
 */
class CiScriptsTest {

    @TempDir
    Path dir;

    Path gh;
    Path markdown;

    @BeforeEach
    void fakes() throws IOException {
        gh = Scripts.fake("fake-gh", dir);
        markdown = Files.writeString(dir.resolve("comparison.md"), "<!-- perfgate-comparison -->\n"
                + "## ❌ perfgate: FAIL (1 regression)\n\n| benchmark | base | candidate |\n");
    }

    /** How each exit code ends the job; % is escaped as %25 in GitHub's workflow commands (shown as %). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | pass  | 0 | perfgate: pass",
            "0 | warn  | 0 | ::warning title=performance warning::2 inconclusive (why): a -15.7%25, b -11.0%25: see the table in the job summary",
            "0 | none  | 0 | ::notice title=nothing compared::2 inconclusive (why): a -15.7%25, b -11.0%25: the job passes, but no benchmark was judged",
            "1 | fail  | 1 | ::error title=performance regression::2 inconclusive (why): a -15.7%25, b -11.0%25: see the table",
            "2 | error | 2 | ::error title=perfgate could not do its job::suite folder perf does not exist; there is no verdict",
            "'' | ''   | 2 | ::error title=perfgate did not run::",
    })
    void theGateEndsTheJobAsTheExitCodeSays(String code, String verdict, int exit, String says) throws Exception {
        Path summary = Files.createFile(dir.resolve("summary.md"));
        Scripts.Result r = Scripts.run(dir, Map.of("GITHUB_ACTIONS", "true", "EXIT_CODE", code, "VERDICT", verdict,
                "ERROR", "suite folder perf does not exist", "GITHUB_STEP_SUMMARY", summary.toString(),
                "REASON", "2 inconclusive (why): a -15.7%, b -11.0%"), Scripts.script("gate.sh").toString());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(exit);
        assertThat(r.output()).contains(says).as("the reason is perfgate's, never a fixed guess")
                .doesNotContain("a benchmark got slower");
        if (exit == 2) {
            assertThat(r.output()).doesNotContain("performance regression");
            if (!code.isEmpty()) assertThat(Files.readString(summary)).contains("perfgate could not do its job");
        }
    }

    @Test
    void onGitlabTheGateReadsTheRecordedOutcome() throws Exception {
        Files.createDirectories(dir.resolve("perfgate-out"));
        Files.writeString(dir.resolve("perfgate-out/perfgate.env"), "exit-code=1\nverdict=fail\n");
        Scripts.Result r = Scripts.run(dir, Map.of(), Scripts.script("gate.sh").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("ERROR: performance regression: perfgate found a performance regression: see "
                + "the table in this job's log, and the reports in the job's artifacts (perfgate-out/reports)")
                .as("GitLab has no job summary").doesNotContain("job summary");
    }

    /**
     * check.sh takes the verdict and its reason from perfgate's JSON report: a comparison of nothing (every benchmark
     * new) is verdict none, exit code 0, as action.yml and the guide document; a warning keeps perfgate's reason.
     */
    @Test
    void theCheckStepTakesTheVerdictAndReasonFromTheJsonReport() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.move(Scripts.fake("fake-java", dir), bin.resolve("java"));
        Path jar = Files.writeString(dir.resolve("perfgate.jar"), "not run");
        Path report = dir.resolve("report.json");
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_JAVA_ARGS",
                dir.resolve("args.txt").toString(), "PERFGATE_JAR", jar.toString(), "FAKE_JAVA_REPORT",
                report.toString()));

        Files.writeString(report, "{\n  \"format\" : \"perfgate-comparison/1\",\n  \"verdict\" : \"pass\",\n"
                + "  \"nothing_compared\" : true,\n  \"reason\" : \"nothing compared (no baseline): 2 benchmarks "
                + "measured, none judged\",\n  \"benchmarks\" : [ {\n    \"verdict\" : \"new\",\n  } ]\n}\n");
        Scripts.Result first = Scripts.run(dir, env, Scripts.script("check.sh").toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(Files.readString(dir.resolve("perfgate-out/perfgate.env"))).contains("exit-code=0\n",
                "verdict=none\n", "reason=nothing compared (no baseline): 2 benchmarks measured, none judged\n");

        Files.writeString(report, "{\n  \"format\" : \"perfgate-comparison/1\",\n  \"verdict\" : \"warn\",\n"
                + "  \"nothing_compared\" : false,\n  \"reason\" : \"2 inconclusive (\\\"why\\\"): a -15.7%, b -11.0%\",\n"
                + "  \"benchmarks\" : [ ]\n}\n");
        Scripts.run(dir, env, Scripts.script("check.sh").toString());
        assertThat(Files.readString(dir.resolve("perfgate-out/perfgate.env"))).contains("verdict=warn\n",
                "reason=2 inconclusive (\"why\"): a -15.7%, b -11.0%\n");
    }

    @Test
    void aMissingJarOrMavenStopsTheJarStepSayingWhatToDo() throws Exception {
        Scripts.Result given = Scripts.run(dir, Map.of("GITHUB_ACTIONS", "true", "INPUT_JAR", "/no/perfgate.jar"),
                Scripts.script("jar.sh").toString());
        assertThat(given.exitCode()).isEqualTo(1);
        assertThat(given.output()).contains("::error title=perfgate jar not found::jar: /no/perfgate.jar does not "
                + "exist; build it in an earlier step, or leave the jar input empty");

        Path bin = Files.createDirectories(dir.resolve("bin")); // java and the basics, but no Maven
        for (String tool : List.of("bash", "dirname", "java", "env")) {
            Scripts.Result where = Scripts.run(dir, Map.of(), "bash", "-c", "command -v " + tool);
            Files.createSymbolicLink(bin.resolve(tool), Path.of(where.output().strip()).toRealPath());
        }
        Scripts.Result noMaven = Scripts.run(dir, Map.of("GITHUB_ACTIONS", "true", "PATH", bin.toString(),
                "JAR_DIR", dir.resolve("empty-cache").toString()), Scripts.script("jar.sh").toString());
        assertThat(noMaven.exitCode()).isEqualTo(1);
        assertThat(noMaven.output()).contains("::error title=mvn not found::building perfgate from the action's "
                + "source needs Maven");
    }

    @Test
    void theCheckStepNamesWhatIsMissing() throws Exception {
        Scripts.Result noJar = Scripts.run(dir, Map.of("GITHUB_ACTIONS", "true"), Scripts.script("check.sh").toString());
        assertThat(noJar.exitCode()).isEqualTo(1);
        assertThat(noJar.output()).contains("::error title=perfgate jar not found::PERFGATE_JAR= is not a file");

        Path jar = Files.writeString(dir.resolve("perfgate.jar"), "not run");
        Files.createDirectories(dir.resolve("shards"));
        Scripts.Result noShards = Scripts.run(dir, Map.of("GITHUB_ACTIONS", "true", "PERFGATE_JAR", jar.toString(),
                "INPUT_MERGE", "shards"), Scripts.script("check.sh").toString());
        assertThat(noShards.exitCode()).isEqualTo(1);
        assertThat(noShards.output()).contains("::error title=no shard results::no results.json under shards");
    }

    /**
     * The server inputs become perfgate's options: builds split at spaces and line breaks, settings one a line
     * (a value may hold spaces), each side's own; and a run whose base has its own server is kept out of main's
     * history, as an --against run is.
     */
    @Test
    void theServerInputsBecomeOptionsOfEachSide() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.move(Scripts.fake("fake-java", dir), bin.resolve("java"));
        Path args = dir.resolve("java-args.txt");
        Path jar = Files.writeString(dir.resolve("perfgate.jar"), "not run");
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_JAVA_ARGS",
                args.toString(), "PERFGATE_JAR", jar.toString(), "INPUT_SUITE", "perf", "INPUT_HISTORY",
                "perfgate-history/pg17.jsonl", "INPUT_PG_BIN", "/usr/lib/postgresql/17/bin", "INPUT_EXTENSION",
                "stage/head\n  stage/extra ", "INPUT_AGAINST_EXTENSION", "stage/base stage/extra"));
        env.put("INPUT_SERVER_SETTINGS", "shared_preload_libraries=pg_tviews\n\n  work_mem=64MB  \n");
        env.put("INPUT_AGAINST_SERVER_SETTINGS", "search_path=a, b");
        env.put("INPUT_AGAINST_PG_BIN", "embedded");
        Scripts.Result r = Scripts.run(dir, env, Scripts.script("check.sh").toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("perfgate: A/B with the base on its own server: this run is not main's, so it "
                + "goes to perfgate-out/history.jsonl, not to perfgate-history/pg17.jsonl");
        List<String> command = Files.readAllLines(args);
        assertThat(String.join("\n", command)).contains(String.join("\n", "perf", "--pg-bin",
                "/usr/lib/postgresql/17/bin", "--against-pg-bin", "embedded", "--extension", "stage/head",
                "--extension", "stage/extra", "--against-extension", "stage/base", "--against-extension", "stage/extra",
                "--server-setting", "shared_preload_libraries=pg_tviews", "--server-setting", "work_mem=64MB",
                "--against-server-setting", "search_path=a, b", "--format"));
        assertThat(command).containsSequence("--history", "perfgate-out/history.jsonl").doesNotContain("--against");

        Files.delete(args);
        env.keySet().removeIf(k -> k.startsWith("INPUT_AGAINST") || k.startsWith("INPUT_SERVER") || k.equals(
                "INPUT_EXTENSION"));
        Scripts.Result main = Scripts.run(dir, env, Scripts.script("check.sh").toString());
        assertThat(main.exitCode()).as(main.output()).isZero();
        assertThat(Files.readAllLines(args)).containsSequence("check", "perf", "--pg-bin", "/usr/lib/postgresql/17/bin",
                "--format").containsSequence("--history", "perfgate-history/pg17.jsonl")
                .doesNotContain("--extension", "--server-setting");
    }

    @Test
    void theCommentIsCreatedOnceThenUpdatedInPlace() throws Exception {
        Scripts.Result first = comment(Map.of("EXIT_CODE", "1", "VERDICT", "fail"));
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("commented on pull request #7");
        Files.writeString(markdown, "<!-- perfgate-comparison -->\n## ✅ perfgate: PASS\n");
        Scripts.Result second = comment(Map.of("EXIT_CODE", "0", "VERDICT", "pass"));
        assertThat(second.output()).contains("updated comment 1001 on pull request #7");

        assertThat(calls()).containsExactly(
                "api --paginate repos/acme/shop/issues/7/comments --jq " + filter("perf"),
                "api -X POST repos/acme/shop/issues/7/comments -F body=@perfgate-out/comment.md",
                "api --paginate repos/acme/shop/issues/7/comments --jq " + filter("perf"),
                "api -X PATCH repos/acme/shop/issues/comments/1001 -F body=@perfgate-out/comment.md");
        JsonNode comments = stored();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("body").asText()).startsWith("<!-- perfgate-comparison -->\n## ✅ perfgate: PASS")
                .contains("<!-- perfgate-key: perf -->", "abc123");
    }

    @Test
    void eachSuiteKeepsItsOwnComment() throws Exception {
        comment(Map.of("EXIT_CODE", "0", "VERDICT", "pass", "KEY", "perf"));
        comment(Map.of("EXIT_CODE", "0", "VERDICT", "pass", "KEY", "bench/other suite"));
        comment(Map.of("EXIT_CODE", "0", "VERDICT", "pass", "KEY", "perf"));
        assertThat(stored()).hasSize(2);
        assertThat(stored().get(1).get("body").asText()).contains("<!-- perfgate-key: bench/other_suite -->");
    }

    @Test
    void warnOrFailCommentsOnlyOnProblemsButNeverLeavesAStaleFailure() throws Exception {
        Files.writeString(markdown, "<!-- perfgate-comparison -->\n## ✅ perfgate: PASS\n");
        Scripts.Result pass = comment(Map.of("COMMENT", "warn-or-fail", "EXIT_CODE", "0", "VERDICT", "pass"));
        assertThat(pass.output()).contains("warn-or-fail comments only on a warning or a regression");
        assertThat(stored()).isEmpty();
        comment(Map.of("COMMENT", "warn-or-fail", "EXIT_CODE", "1", "VERDICT", "fail"));
        assertThat(stored()).hasSize(1);
        Scripts.Result fixed = comment(Map.of("COMMENT", "warn-or-fail", "EXIT_CODE", "0", "VERDICT", "pass"));
        assertThat(fixed.output()).contains("updated comment 1001");
        assertThat(stored().get(0).get("body").asText()).contains("PASS");
    }

    @Test
    void exitCodeTwoNeverCommentsARegression() throws Exception {
        comment(Map.of("EXIT_CODE", "1", "VERDICT", "fail"));
        Scripts.Result error = comment(Map.of("EXIT_CODE", "2", "VERDICT", "error", "ERROR",
                "perf/_suite.sql:3: syntax error at or near \"TABEL\"", "MARKDOWN", ""));
        assertThat(error.exitCode()).as(error.output()).isZero();
        String body = stored().get(0).get("body").asText();
        assertThat(body).startsWith("<!-- perfgate-comparison -->\n## ⚠️ perfgate: ERROR")
                .contains("perfgate could not do its job on abc123, so there is no verdict", "TABEL")
                .doesNotContainIgnoringCase("regression").doesNotContain("FAIL");
    }

    @Test
    void noCommentOutsidePullRequestsForShardsOrWhenAskedNot() throws Exception {
        assertThat(comment(Map.of("EXIT_CODE", "1", "PR_NUMBER", "")).output()).contains("not a pull request");
        assertThat(comment(Map.of("EXIT_CODE", "0", "VERDICT", "measured", "MARKDOWN", "")).output())
                .contains("nothing was compared");
        assertThat(comment(Map.of("EXIT_CODE", "1", "COMMENT", "never")).exitCode()).isZero();
        assertThat(dir.resolve("calls.log")).doesNotExist();
        Scripts.Result bad = comment(Map.of("EXIT_CODE", "1", "COMMENT", "sometimes"));
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.output()).contains("comment: sometimes: use always, warn-or-fail or never");
    }

    @Test
    void aTokenThatCannotWriteIsAWarningAndAMissingGhAnError() throws Exception {
        Scripts.Result fork = comment(Map.of("EXIT_CODE", "1", "FAKE_GH_FAIL", "1"));
        assertThat(fork.exitCode()).isZero();
        assertThat(fork.output()).contains("::warning title=no pull-request comment::");
        Scripts.Result noGh = comment(Map.of("EXIT_CODE", "1", "PERFGATE_GH", "no-such-gh"));
        assertThat(noGh.exitCode()).isEqualTo(1);
        assertThat(noGh.output()).contains("::error title=no-such-gh not found::the pull-request comment uses the "
                + "GitHub CLI");
    }

    @Test
    void theGitlabNoteIsCreatedOnceThenUpdated() throws Exception {
        Path curl = Scripts.fake("fake-curl", dir);
        Map<String, String> env = new HashMap<>(Map.of("PERFGATE_CURL", curl.toString(), "FAKE_GITLAB_DIR",
                dir.toString(), "CI_API_V4_URL", "https://gitlab.example.com/api/v4", "CI_PROJECT_ID", "42",
                "CI_MERGE_REQUEST_IID", "9", "CI_COMMIT_SHA", "abc123", "CI_JOB_URL", "https://gitlab.example.com/j/1",
                "MARKDOWN", markdown.toString(), "EXIT_CODE", "1", "VERDICT", "fail"));
        env.put("KEY", "perf");
        Scripts.Result none = Scripts.run(dir, env, Scripts.script("gitlab-note.sh").toString());
        assertThat(none.output()).contains("no PERFGATE_GITLAB_TOKEN, so no merge-request note");
        env.put("PERFGATE_GITLAB_TOKEN", "glpat-secret");
        assertThat(Scripts.run(dir, env, Scripts.script("gitlab-note.sh").toString()).output())
                .contains("note on merge request !9");
        Scripts.Result again = Scripts.run(dir, env, Scripts.script("gitlab-note.sh").toString());
        assertThat(again.output()).contains("updated note on merge request !9");
        assertThat(Files.readAllLines(dir.resolve("calls.log"))).containsExactly(
                "GET https://gitlab.example.com/api/v4/projects/42/merge_requests/9/notes?per_page=100&order_by="
                        + "updated_at&sort=desc token=***",
                "POST https://gitlab.example.com/api/v4/projects/42/merge_requests/9/notes token=***",
                "GET https://gitlab.example.com/api/v4/projects/42/merge_requests/9/notes?per_page=100&order_by="
                        + "updated_at&sort=desc token=***",
                "PUT https://gitlab.example.com/api/v4/projects/42/merge_requests/9/notes/501 token=***");
        JsonNode notes = Json.MAPPER.readTree(dir.resolve("notes.json").toFile());
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("body").asText()).startsWith("<!-- perfgate-comparison -->");
    }

    private Scripts.Result comment(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "PERFGATE_GH", gh.toString(),
                "FAKE_GH_DIR", dir.toString(), "GITHUB_REPOSITORY", "acme/shop", "PR_NUMBER", "7", "COMMENT",
                "always", "KEY", "perf", "MARKDOWN", markdown.toString(), "GITHUB_SHA", "abc123"));
        env.put("GITHUB_RUN_ID", "99");
        env.put("GH_TOKEN", "fake-token");
        env.putAll(overrides);
        return Scripts.run(dir, env, Scripts.script("comment.sh").toString());
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls.log"));
    }

    private JsonNode stored() throws IOException {
        return Json.MAPPER.readTree(dir.resolve("comments.json").toFile());
    }

    private static String filter(String key) {
        return ".[] | select((.body // \"\") | startswith(\"<!-- perfgate-comparison -->\") and contains(\"<!-- "
                + "perfgate-key: " + key + " -->\")) | .id";
    }
}
