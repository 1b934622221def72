package dev.perfgate.ci;

import dev.perfgate.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's repository for the CI integration tests, as {@code perfgate init} leaves it, with a trigger in the
 * suite and a committed baseline, and the branches a pull request may bring: a base commit on main, a head that
 * slows the trigger, a head that changes nothing the suite measures, a head whose suite cannot run. The tests
 * clone it as actions/checkout does: shallow, so the base commit has to be fetched (the remote allows fetching a
 * commit by id, as GitHub does).
 */
final class CiFixture {

    /** The benchmark a trigger slows, in shard 1 of 2 ({@code ShardTest}). */
    static final String SLOWED = "example_update";
    /** A benchmark the trigger does not touch, in shard 2 of 2. */
    static final String UNTOUCHED = "select_balance";

    final Path upstream;
    String base;
    String slow;
    String same;
    String broken;

    private CiFixture(Path upstream) {
        this.upstream = upstream;
    }

    /**
     * The suite {@code perfgate init} wrote, made what these tests need: a trigger on the accounts to slow, a read it
     * does not touch ({@link #UNTOUCHED}), and wide thresholds. Wide, because on this 2-core machine under the load of
     * parallel builds, check --against HEAD of this very suite (A/A) measured B slower by up to +46% [+14%, +72%] in
     * 2 of 4 tries; the slowed trigger is +600%. The tests prove what the workflow does with a verdict, not
     * perfgate's false-alarm rate.
     */
    static void shape(Path suite) throws IOException {
        String settings = Files.readString(suite.resolve("_suite.sql"))
                .replace("fail_threshold=10% warn_threshold=5%", "fail_threshold=100% warn_threshold=50%");
        Files.writeString(suite.resolve("_suite.sql"), settings.replace("VACUUM ANALYZE accounts;", """
                VACUUM ANALYZE accounts;
                CREATE TABLE account_log (account_id integer, balance numeric(12, 2));
                CREATE FUNCTION log_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO account_log VALUES (NEW.id, NEW.balance);
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER accounts_log AFTER UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION log_balance();""")
                .replace("DROP TABLE accounts;", "DROP TABLE accounts;\nDROP TABLE account_log;\n"
                        + "DROP FUNCTION log_balance();"));
        Files.writeString(suite.resolve(UNTOUCHED + ".sql"), """
                -- A read the trigger does not touch.
                -- perfgate:param id = int(1, 10000*scale)
                -- perfgate:run
                SELECT balance FROM accounts WHERE id = :id;
                """);
    }

    /** The repository, with the CI file {@code perfgate init} writes given {@code initOptions}. */
    static CiFixture create(Path dir, String... initOptions) throws Exception {
        CiFixture f = new CiFixture(Files.createDirectories(dir.resolve("upstream")));
        Scripts.git(f.upstream, "init", "-q");
        List<String> init = new ArrayList<>(List.of("init", "perf", "--root", f.upstream.toString()));
        init.addAll(List.of(initOptions));
        perfgate(init.toArray(String[]::new));
        Path suite = f.upstream.resolve("perf");
        shape(suite);
        // A reviewed baseline from a far slower machine: main's runs pass against it.
        Path results = dir.resolve("old-results.json");
        Files.writeString(results, "{\"format\": \"perfgate-results/1\", \"suite\": \"perf\", \"benchmarks\": ["
                + bench(SLOWED) + ", " + bench(UNTOUCHED) + "]}");
        perfgate("baseline", "accept", results.toString(), "--suite", suite.toString(), "--reason", "first", "--yes");
        Scripts.git(f.upstream, "add", ".");
        Scripts.git(f.upstream, "commit", "-q", "-m", "suite, baseline and CI");
        f.base = Scripts.git(f.upstream, "rev-parse", "HEAD");

        f.slow = f.branch("slow", "_suite.sql", s -> s.replace("INSERT INTO account_log VALUES (NEW.id, NEW.balance);",
                "INSERT INTO account_log VALUES (NEW.id, NEW.balance);\n    PERFORM pg_sleep(0.002);"));
        f.same = f.branch("same", "README.md", s -> s + "\nNothing here changes what the suite measures.\n");
        f.broken = f.branch("broken", "_suite.sql", s -> s.replace("CREATE TABLE account_log", "CREATE TABEL account_log"));
        Scripts.git(f.upstream, "config", "uploadpack.allowAnySHA1InWant", "true");
        return f;
    }

    private String branch(String name, String file, java.util.function.UnaryOperator<String> change) throws Exception {
        Scripts.git(upstream, "checkout", "-q", "-b", name, base);
        Path p = upstream.resolve("perf").resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        if (after.equals(before)) throw new IllegalStateException(name + ": the change did not apply to " + file);
        Files.writeString(p, after);
        Scripts.git(upstream, "commit", "-q", "-a", "-m", name);
        String sha = Scripts.git(upstream, "rev-parse", "HEAD");
        Scripts.git(upstream, "checkout", "-q", "main");
        return sha;
    }

    /** A shallow clone of {@code branch} into {@code workspace}, as actions/checkout makes it. */
    void checkout(String branch, Path workspace) throws Exception {
        Scripts.git(workspace, "clone", "-q", "--depth", "1", "--no-tags", "--branch", branch,
                "file://" + upstream, workspace.toString());
    }

    /** A whole clone of {@code branch} into {@code workspace}, as GitLab makes it with GIT_DEPTH 0. */
    void checkoutWhole(String branch, Path workspace) throws Exception {
        Scripts.git(workspace, "clone", "-q", "--no-tags", "--branch", branch, "file://" + upstream,
                workspace.toString());
    }

    /** The {@code github} context of a pull request from {@code head} into main. */
    Map<String, Object> pullRequest(int number, String head, String headSha, long runId) {
        Map<String, Object> github = common(runId, headSha);
        github.put("event_name", "pull_request");
        github.put("ref", "refs/pull/" + number + "/merge");
        github.put("base_ref", "main");
        github.put("head_ref", head);
        github.put("event", Map.of("number", number, "pull_request", Map.of("number", number,
                "base", Map.of("sha", base, "ref", "main"), "head", Map.of("sha", headSha, "ref", head))));
        return github;
    }

    /** The {@code github} context of a push to main. */
    Map<String, Object> pushToMain(long runId) {
        Map<String, Object> github = common(runId, base);
        github.put("event_name", "push");
        github.put("ref", "refs/heads/main");
        github.put("event", Map.of("ref", "refs/heads/main", "after", base));
        return github;
    }

    private static Map<String, Object> common(long runId, String sha) {
        Map<String, Object> github = new HashMap<>();
        github.put("sha", sha);
        github.put("repository", "acme/shop");
        github.put("run_id", String.valueOf(runId));
        github.put("run_attempt", "1");
        github.put("server_url", "https://github.com");
        github.put("token", "fake-token");
        return github;
    }

    /**
     * Seeds the cache with perfgate's jar under the key the action computes, as an earlier run that built it would
     * have left it, so the action's "Find or build perfgate" step finds it; {@code jarCache} is PERFGATE_JAR_CACHE.
     */
    static void seedJar(FakeActions actions, Path jarCache, Path scratch) throws Exception {
        Path output = Files.createTempFile(scratch, "jar-key", ".out");
        Scripts.Result r = Scripts.run(Scripts.REPO, Map.of("GITHUB_OUTPUT", output.toString(), "PERFGATE_JAR_CACHE",
                jarCache.toString()), Scripts.script("jar-key.sh").toString());
        if (r.exitCode() != 0) throw new AssertionError(r.output());
        Map<String, String> keys = WorkflowRunner.keyValues(Files.readString(output));
        Path built = Files.createDirectories(scratch.resolve("built-jar"));
        Files.copy(jar(), built.resolve("perfgate.jar"));
        actions.seed(keys.get("key"), built);
    }

    /** What a later commit of {@link #perfgateSource} prints: the pinned commit is not what ran if a log shows it. */
    static final String UNPINNED = "NOT-THE-PINNED-COMMIT";

    /**
     * A git repository standing in for a copy of perfgate's (init --source URL@REF): this working tree's action,
     * scripts and sources in one commit, whose id this returns, then a later commit whose check.sh fails saying
     * {@link #UNPINNED}.
     */
    static String perfgateSource(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String part : List.of("action.yml", "pom.xml", "scripts", "src/main")) {
            FakeActions.copy(Scripts.REPO.resolve(part), dir.resolve(part));
        }
        Scripts.git(dir, "init", "-q");
        Scripts.git(dir, "add", ".");
        Scripts.git(dir, "commit", "-q", "-m", "perfgate");
        String pinned = Scripts.git(dir, "rev-parse", "HEAD");
        Files.writeString(dir.resolve("scripts/ci/check.sh"), "#!/usr/bin/env bash\necho " + UNPINNED + "\nexit 3\n");
        Scripts.git(dir, "commit", "-q", "-a", "-m", "later");
        return pinned;
    }

    /** The jar {@code mvn package} built, which the integration tests run after. */
    static Path jar() {
        Path jar = Scripts.REPO.resolve("target/perfgate.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run mvn package first");
        return jar;
    }

    private static String bench(String name) {
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < 30; i++) samples.append(i == 0 ? "" : ", ").append(100 + i % 7);
        return "{\"name\": \"" + name + "\", \"samples\": [" + samples + "]}";
    }

    static void perfgate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                StandardCharsets.UTF_8), args);
        if (code != 0) throw new AssertionError("perfgate " + String.join(" ", args) + ": " + out);
    }

    /**
     * A project's GitLab CI as GitLab reads it: its {@code .gitlab-ci.yml} with the files it includes ({@code
     * include: - local:}) merged in, each at the project's root.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> gitlabCi(Path root) throws IOException {
        Map<String, Object> ci = new java.util.LinkedHashMap<>(Yaml.map(read(root.resolve(".gitlab-ci.yml"))));
        Object include = ci.remove("include");
        for (Object item : include instanceof List<?> l ? l : include == null ? List.of() : List.of(include)) {
            String local = item instanceof Map<?, ?> m ? String.valueOf(m.get("local")) : String.valueOf(item);
            ci.putAll(Yaml.map(read(root.resolve(local.startsWith("/") ? local.substring(1) : local))));
        }
        return ci;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
