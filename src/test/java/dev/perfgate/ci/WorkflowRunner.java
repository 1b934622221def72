package dev.perfgate.ci;

import dev.perfgate.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a GitHub Actions workflow on this machine as a runner would, for the integration tests. Real: every
 * {@code run:} step of the workflow and of our composite action ({@code action.yml}), in order, started the way
 * GitHub starts bash, with the contexts and {@code GITHUB_*} variables of the event, step outputs
 * ({@code $GITHUB_OUTPUT}), {@code $GITHUB_ENV}, the job summary, {@code if:} conditions, matrix jobs and
 * {@code needs}. Stood in for: the marketplace actions ({@link FakeActions}). Jobs run one after another, each in
 * a fresh workspace, as on fresh runners.
 */
final class WorkflowRunner {

    /** One step as it ran: outcome {@code success}, {@code failure} or {@code skipped}. */
    record StepRun(String name, String outcome, Map<String, String> outputs) {
    }

    /** One job (one matrix combination) as it ran. */
    record JobRun(String id, Map<String, Object> matrix, boolean succeeded, boolean skipped, List<StepRun> steps,
                  String log, Path workspace, Path summary) {
        StepRun step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps));
        }
    }

    private final Path root;
    private final Path actionRoot;
    private final String actionRef;
    private final Map<String, Object> github;
    private final Map<String, String> environment;
    private final FakeActions actions;
    private int jobs;

    /**
     * @param root        a scratch folder for workspaces, the cache and the artifacts
     * @param actionRoot  the repository holding {@code action.yml}, run for {@code uses: ./} and {@code actionRef}; any
     *                    other {@code uses: ./PATH} runs the action at PATH in the job's workspace
     * @param github      the {@code github} context of the event (event_name, event, sha, ref, repository, ...)
     * @param environment variables every step gets besides this process's and the {@code GITHUB_*} ones
     */
    WorkflowRunner(Path root, Path actionRoot, String actionRef, Map<String, Object> github,
                   Map<String, String> environment, FakeActions actions) {
        this.root = root;
        this.actionRoot = actionRoot;
        this.actionRef = actionRef;
        this.github = github;
        this.environment = environment;
        this.actions = actions;
    }

    /** Runs every job of the workflow, in the order their {@code needs} allow. */
    @SuppressWarnings("unchecked")
    List<JobRun> run(Map<String, Object> workflow) throws Exception {
        Map<String, Object> jobsById = (Map<String, Object>) workflow.get("jobs");
        Map<String, Boolean> done = new LinkedHashMap<>(); // job id -> succeeded
        List<JobRun> runs = new ArrayList<>();
        while (done.size() < jobsById.size()) {
            boolean progressed = false;
            for (var e : jobsById.entrySet()) {
                Map<String, Object> job = (Map<String, Object>) e.getValue();
                List<String> needs = list(job.get("needs"));
                if (done.containsKey(e.getKey()) || !done.keySet().containsAll(needs)) continue;
                boolean needsOk = needs.stream().allMatch(done::get);
                Map<String, Object> needsContext = new LinkedHashMap<>();
                for (String n : needs) needsContext.put(n, Map.of("result", done.get(n) ? "success" : "failure"));
                boolean ok = true;
                for (Map<String, Object> matrix : matrix(job)) {
                    JobRun r = job(e.getKey(), job, matrix, needsOk, needsContext,
                            (Map<String, Object>) workflow.getOrDefault("env", Map.of()));
                    runs.add(r);
                    ok &= r.succeeded() || r.skipped();
                }
                done.put(e.getKey(), ok);
                progressed = true;
            }
            if (!progressed) throw new IllegalStateException("jobs whose needs never finish: " + jobsById.keySet());
        }
        return runs;
    }

    @SuppressWarnings("unchecked")
    private JobRun job(String id, Map<String, Object> job, Map<String, Object> matrix, boolean needsOk,
                       Map<String, Object> needs, Map<String, Object> workflowEnv) throws Exception {
        Path dir = Files.createDirectories(root.resolve("job-" + ++jobs + "-" + id));
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path summary = Files.createFile(dir.resolve("summary.md"));
        Map<String, Object> gh = new LinkedHashMap<>(github);
        gh.put("workspace", workspace.toString());
        Map<String, Object> contexts = new LinkedHashMap<>();
        contexts.put("github", gh);
        contexts.put("matrix", matrix);
        contexts.put("needs", needs);
        contexts.put("runner", Map.of("os", "Linux", "temp", dir.toString()));
        contexts.put("secrets", Map.of());
        Status status = new Status();
        status.failed = !needsOk;
        Map<String, String> env = new LinkedHashMap<>();
        workflowEnv.forEach((k, v) -> env.put(k, Expressions.interpolate(String.valueOf(v), contexts, status)));
        ((Map<String, Object>) job.getOrDefault("env", Map.of()))
                .forEach((k, v) -> env.put(k, Expressions.interpolate(String.valueOf(v), contexts, status)));
        contexts.put("env", env);
        String condition = job.containsKey("if") ? String.valueOf(job.get("if")) : null;
        if (!Expressions.condition(condition, contexts, status)) {
            return new JobRun(id, matrix, false, true, List.of(), "skipped", workspace, summary);
        }
        Job run = new Job(dir, workspace, summary, env);
        List<StepRun> steps = new ArrayList<>();
        run.steps((List<Object>) job.get("steps"), contexts, status, null, steps);
        for (FakeActions.PostSave save : run.postSaves) {
            if (!status.failed) run.log.append(actions.run("actions/cache/save", Map.of("key", save.key(), "path",
                    save.path().toString()), workspace, new ArrayList<>()).message()).append('\n');
        }
        return new JobRun(id, matrix, !status.failed, false, steps, run.log.toString(), workspace, summary);
    }

    /** The job's combinations: one per value of its single matrix variable, or one empty one. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> matrix(Map<String, Object> job) {
        Map<String, Object> strategy = (Map<String, Object>) job.get("strategy");
        if (strategy == null || strategy.get("matrix") == null) return List.of(Map.of());
        Map<String, Object> m = (Map<String, Object>) strategy.get("matrix");
        if (m.size() != 1) throw new IllegalArgumentException("only a matrix of one variable is supported: " + m);
        var e = m.entrySet().iterator().next();
        return ((List<Object>) e.getValue()).stream().map(v -> Map.<String, Object>of(e.getKey(), v)).toList();
    }

    private static final class Status implements Expressions.Status {
        boolean failed;

        @Override
        public boolean failed() {
            return failed;
        }
    }

    /** One job's workspace, environment and log, and how its steps run. */
    private final class Job {
        final Path dir;
        final Path workspace;
        final Path summary;
        final Map<String, String> env;
        final StringBuilder log = new StringBuilder();
        final List<FakeActions.PostSave> postSaves = new ArrayList<>();
        int steps;

        Job(Path dir, Path workspace, Path summary, Map<String, String> env) {
            this.dir = dir;
            this.workspace = workspace;
            this.summary = summary;
            this.env = env;
        }

        /** Runs the steps of a job, or of a composite action when {@code actionPath} is set. */
        @SuppressWarnings("unchecked")
        void steps(List<Object> list, Map<String, Object> contexts, Status status, Path actionPath,
                   List<StepRun> record) throws Exception {
            Map<String, Object> stepsContext = new LinkedHashMap<>();
            contexts.put("steps", stepsContext);
            int index = 0;
            for (Object o : list) {
                Map<String, Object> step = (Map<String, Object>) o;
                String id = step.containsKey("id") ? step.get("id").toString() : "__step" + index;
                String name = step.containsKey("name") ? step.get("name").toString()
                        : step.containsKey("uses") ? step.get("uses").toString() : "step " + index;
                index++;
                String condition = step.containsKey("if") ? String.valueOf(step.get("if")) : null;
                if (!Expressions.condition(condition, contexts, status)) {
                    stepsContext.put(id, Map.of("outcome", "skipped", "conclusion", "skipped", "outputs", Map.of()));
                    record.add(new StepRun(name, "skipped", Map.of()));
                    log.append("## skipped: ").append(name).append('\n');
                    continue;
                }
                log.append("## ").append(name).append('\n');
                Map<String, String> stepEnv = new LinkedHashMap<>(env);
                ((Map<String, Object>) step.getOrDefault("env", Map.of())).forEach((k, v) ->
                        stepEnv.put(k, Expressions.interpolate(String.valueOf(v), contexts, status)));
                Map<String, String> outputs = new LinkedHashMap<>();
                boolean ok;
                if (step.containsKey("run")) {
                    String script = Expressions.interpolate(step.get("run").toString(), contexts, status);
                    ok = shell(script, step.get("shell"), stepEnv, actionPath, outputs);
                } else {
                    ok = uses(step, contexts, status, stepEnv, outputs, record);
                }
                stepsContext.put(id, Map.of("outcome", ok ? "success" : "failure", "conclusion", ok ? "success"
                        : "failure", "outputs", outputs));
                record.add(new StepRun(name, ok ? "success" : "failure", outputs));
                if (!ok && !"true".equals(String.valueOf(step.get("continue-on-error")))) status.failed = true;
            }
        }

        @SuppressWarnings("unchecked")
        private boolean uses(Map<String, Object> step, Map<String, Object> contexts, Status status,
                             Map<String, String> stepEnv, Map<String, String> outputs, List<StepRun> record)
                throws Exception {
            String uses = step.get("uses").toString();
            Map<String, String> with = new LinkedHashMap<>();
            ((Map<String, Object>) step.getOrDefault("with", Map.of())).forEach((k, v) ->
                    with.put(k, Expressions.interpolate(String.valueOf(v), contexts, status)));
            if (uses.equals("./") || uses.equals(actionRef)) {
                return composite(actionRoot, with, contexts, stepEnv, outputs, record);
            }
            // A local action in the workspace, e.g. perfgate checked out there by an earlier step (init --source URL@REF)
            if (uses.startsWith("./")) return composite(workspace.resolve(uses).normalize(), with, contexts, stepEnv,
                    outputs, record);
            if (!FakeActions.handles(uses)) throw new IllegalArgumentException("the workflow uses " + uses
                    + ", which this runner has no stand-in for");
            FakeActions.Outcome outcome = actions.run(uses, with, workspace, postSaves);
            log.append(outcome.message()).append('\n');
            outputs.putAll(outcome.outputs());
            return outcome.ok();
        }

        /** Our action: its inputs from {@code with} and its defaults, its steps, then its outputs. */
        @SuppressWarnings("unchecked")
        private boolean composite(Path actionPath, Map<String, String> with, Map<String, Object> caller,
                                  Map<String, String> stepEnv, Map<String, String> outputs, List<StepRun> record)
                throws Exception {
            Map<String, Object> action = Yaml.map(Files.readString(actionPath.resolve("action.yml")));
            Map<String, Object> declared = (Map<String, Object>) action.get("inputs");
            for (String key : with.keySet()) {
                if (!declared.containsKey(key)) throw new IllegalArgumentException("the action has no input " + key);
            }
            Map<String, Object> contexts = new LinkedHashMap<>();
            contexts.put("github", caller.get("github"));
            contexts.put("runner", caller.get("runner"));
            contexts.put("env", stepEnv);
            Status status = new Status();
            Map<String, Object> inputs = new LinkedHashMap<>();
            declared.forEach((name, spec) -> {
                Object def = ((Map<String, Object>) spec).get("default");
                inputs.put(name, with.containsKey(name) ? with.get(name)
                        : Expressions.interpolate(def == null ? "" : def.toString(), contexts, status));
            });
            contexts.put("inputs", inputs);
            Map<String, Object> runs = (Map<String, Object>) action.get("runs");
            if (!"composite".equals(runs.get("using"))) throw new IllegalArgumentException("not a composite action");
            Map<String, String> saved = new LinkedHashMap<>(env);
            env.putAll(stepEnv);
            steps((List<Object>) runs.get("steps"), contexts, status, actionPath, record);
            env.clear();
            env.putAll(saved);
            ((Map<String, Object>) action.getOrDefault("outputs", Map.of())).forEach((name, spec) -> outputs.put(name,
                    Expressions.interpolate(String.valueOf(((Map<String, Object>) spec).get("value")), contexts,
                            status)));
            return !status.failed;
        }

        private boolean shell(String script, Object shell, Map<String, String> stepEnv, Path actionPath,
                              Map<String, String> outputs) throws Exception {
            int n = ++steps;
            Path file = dir.resolve("step-" + n + ".sh");
            Path outputFile = Files.createFile(dir.resolve("output-" + n));
            Path envFile = Files.createFile(dir.resolve("env-" + n));
            Files.writeString(file, script);
            List<String> command = "bash".equals(shell)
                    ? List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                    : List.of("bash", "-e", file.toString()); // GitHub's default shell on Linux
            ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
            Map<String, String> pe = pb.environment();
            pe.putAll(environment);
            pe.putAll(githubVariables());
            pe.putAll(stepEnv);
            pe.put("GITHUB_OUTPUT", outputFile.toString());
            pe.put("GITHUB_ENV", envFile.toString());
            pe.put("GITHUB_STEP_SUMMARY", summary.toString());
            pe.put("GITHUB_WORKSPACE", workspace.toString());
            pe.put("RUNNER_TEMP", dir.toString());
            if (actionPath != null) pe.put("GITHUB_ACTION_PATH", actionPath.toString());
            Path logFile = dir.resolve("log-" + n);
            Process p = pb.redirectOutput(logFile.toFile()).start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("step " + n + " did not finish within 15 minutes");
            }
            log.append(Files.readString(logFile, StandardCharsets.UTF_8));
            log.append("(exit ").append(p.exitValue()).append(")\n");
            outputs.putAll(keyValues(Files.readString(outputFile)));
            env.putAll(keyValues(Files.readString(envFile)));
            return p.exitValue() == 0;
        }

        private Map<String, String> githubVariables() throws IOException {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("CI", "true");
            v.put("GITHUB_ACTIONS", "true");
            v.put("RUNNER_OS", "Linux");
            for (String key : List.of("event_name", "sha", "ref", "repository", "run_id", "run_attempt",
                    "server_url", "base_ref", "head_ref")) {
                Object value = github.get(key);
                if (value != null) v.put("GITHUB_" + key.toUpperCase(java.util.Locale.ROOT), value.toString());
            }
            Path event = dir.resolve("event.json");
            if (!Files.exists(event)) Files.writeString(event, Json.MAPPER.writeValueAsString(github.get("event")));
            v.put("GITHUB_EVENT_PATH", event.toString());
            return v;
        }
    }

    /** {@code KEY=value} lines and {@code KEY<<DELIMITER} blocks, as GitHub reads $GITHUB_OUTPUT and $GITHUB_ENV. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                while (++i < lines.length && !lines[i].equals(delimiter)) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines[i]);
                }
                values.put(line.substring(0, heredoc), value.toString());
            } else if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) return ((List<Object>) l).stream().map(String::valueOf).toList();
        return List.of(value.toString());
    }
}
