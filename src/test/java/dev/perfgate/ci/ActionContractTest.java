package dev.perfgate.ci;

import dev.perfgate.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code action.yml}'s inputs and outputs hold together: every input it declares is used and every one it uses is
 * declared; every shell step runs one executable script of scripts/ci/ with its values in the environment (never
 * {@code ${{ }}} inside a script, where a value could inject shell), and that script reads each variable it is
 * given; every output is written by the step it names; and every workflow that calls the action (this repository's,
 * those {@code perfgate init} writes, the user guide's snippets) passes only inputs it declares.
 */
class ActionContractTest {

    private static final Pattern INPUT_USE = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern STEP_OUTPUT = Pattern.compile("\\$\\{\\{ steps\\.([a-z-]+)\\.outputs\\.([a-z-]+) }}");
    private static final Pattern SCRIPT_RUN = Pattern.compile("\"\\$GITHUB_ACTION_PATH/(scripts/ci/[a-z-]+\\.sh)\"");

    /** The inputs that describe the servers perfgate starts for each side (issue 19). */
    private static final List<String> SERVER_INPUTS = List.of("pg-bin", "extension", "server-settings",
            "against-pg-bin", "against-extension", "against-server-settings");

    @TempDir
    Path dir;

    private final String text = read(Scripts.REPO.resolve("action.yml"));
    private final Map<String, Object> action = Yaml.map(text);

    @Test
    @SuppressWarnings("unchecked")
    void everyInputIsDeclaredAndUsed() {
        Set<String> declared = inputs().keySet();
        Set<String> used = new TreeSet<>();
        Matcher m = INPUT_USE.matcher(text);
        while (m.find()) used.add(m.group(1));
        assertThat(used).as("inputs used but not declared").isSubsetOf(declared);
        assertThat(declared).as("inputs declared but never used").isSubsetOf(used);
        inputs().forEach((name, spec) -> assertThat(((Map<String, Object>) spec).keySet()).as(name)
                .contains("description", "default"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyShellStepRunsOneScriptThatReadsWhatItIsGiven() {
        for (Map<String, Object> step : steps()) {
            if (!step.containsKey("run")) continue;
            String run = step.get("run").toString();
            assertThat(step.get("shell")).as(step.get("name") + ": composite steps need a shell").isEqualTo("bash");
            Matcher m = SCRIPT_RUN.matcher(run);
            assertThat(m.matches()).as(step.get("name") + " runs one script: " + run).isTrue();
            Path script = Scripts.REPO.resolve(m.group(1));
            assertThat(script).as(run).isExecutable();
            String code = read(script) + read(Scripts.REPO.resolve("scripts/ci/lib.sh"));
            for (String variable : ((Map<String, Object>) step.getOrDefault("env", Map.of())).keySet()) {
                assertThat(code).as(script.getFileName() + " reads " + variable)
                        .containsPattern("\\$\\{?" + variable + "\\b");
            }
        }
    }

    /** The server inputs (installation, extension builds, settings; each side's) reach the step that runs perfgate. */
    @Test
    @SuppressWarnings("unchecked")
    void theServerInputsReachThePerfgateStep() {
        Map<String, Object> check = steps().stream().filter(s -> "check".equals(s.get("id"))).findFirst().orElseThrow();
        Map<String, Object> env = (Map<String, Object>) check.get("env");
        for (String input : SERVER_INPUTS) {
            assertThat(inputs()).as("input " + input).containsKey(input);
            String variable = "INPUT_" + input.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            assertThat(env).as(variable).containsEntry(variable, "${{ inputs." + input + " }}");
            assertThat(((Map<String, Object>) inputs().get(input)).get("default")).as(input).isEqualTo("");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOutputIsWrittenByTheStepItNames() {
        Map<String, Object> outputs = (Map<String, Object>) action.get("outputs");
        assertThat(outputs).isNotEmpty();
        outputs.forEach((name, spec) -> {
            String value = ((Map<String, Object>) spec).get("value").toString();
            Matcher m = STEP_OUTPUT.matcher(value);
            assertThat(m.matches()).as(name + ": " + value).isTrue();
            Map<String, Object> step = steps().stream().filter(s -> m.group(1).equals(s.get("id"))).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no step with id " + m.group(1)));
            Matcher script = SCRIPT_RUN.matcher(step.get("run").toString());
            assertThat(script.matches()).isTrue();
            assertThat(written(read(Scripts.REPO.resolve(script.group(1))))).as(name).contains(m.group(2));
        });
    }

    @Test
    void theWorkflowsPassOnlyDeclaredInputs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Scripts.REPO.resolve(".github/workflows/performance.yml")));
        files.add(init("plain"));
        files.add(init("sharded", "--shards", "3"));
        files.add(init("pgxs", "--extension", "pgxs", "--extension-name", "ext"));
        files.add(init("pgrx", "--extension", "pgrx", "--extension-name", "ext", "--postgresql", "16,17"));
        files.add(init("pinned", "--source", "https://git.example.com/perfgate.git@1a2b3c4"));
        files.add(init("pinned-sharded", "--shards", "2", "--source", "file:///srv/perfgate.git@v1"));
        int calls = 0;
        for (Path f : files) calls += checkCalls(read(f), f.toString());
        List<String> snippets = yamlBlocks(read(Scripts.REPO.resolve("docs/USER-GUIDE.md")));
        for (String s : snippets) calls += checkCalls(s, "USER-GUIDE.md snippet");
        assertThat(calls).as("calls of the action found").isGreaterThanOrEqualTo(18);
    }

    /** Checks every step that calls the action, wherever it sits in a workflow or a snippet of steps. */
    private int checkCalls(String workflow, String where) {
        if (!workflow.contains("perfgate@") && !workflow.contains("uses: ./")) return 0; // also ./.perfgate/src
        return checkCalls(Yaml.parse(workflow), where);
    }

    @SuppressWarnings("unchecked")
    private int checkCalls(Object node, String where) {
        int calls = 0;
        if (node instanceof List<?> list) {
            for (Object o : list) calls += checkCalls(o, where);
        } else if (node instanceof Map<?, ?> map) {
            String uses = String.valueOf(map.get("uses"));
            if (uses.equals("./") || uses.equals("./.perfgate/src") || uses.matches("[^/]+/perfgate@.*")) {
                calls++;
                Map<String, Object> with = (Map<String, Object>) ((Map<String, Object>) map).getOrDefault("with",
                        Map.of());
                assertThat(inputs().keySet()).as(where + ": inputs given to " + uses).containsAll(with.keySet());
            }
            for (Object o : map.values()) calls += checkCalls(o, where);
        }
        return calls;
    }

    private Path init(String name, String... options) {
        Path root = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("init", "perf", "--root", root.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return root.resolve(".github/workflows/performance.yml");
    }

    /** The outputs a script writes: {@code ci_output NAME}, and the names of its report loop. */
    private static Set<String> written(String script) {
        Set<String> names = new LinkedHashSet<>();
        Matcher direct = Pattern.compile("ci_output ([a-z-]+) ").matcher(script);
        while (direct.find()) names.add(direct.group(1));
        Matcher loop = Pattern.compile("for report in ([^;]+);").matcher(script);
        if (loop.find()) for (String pair : loop.group(1).trim().split("\\s+")) names.add(pair.split(":")[0]);
        return names;
    }

    private static List<String> yamlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inputs() {
        return (Map<String, Object>) action.get("inputs");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> steps() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object o : (List<Object>) ((Map<String, Object>) action.get("runs")).get("steps")) {
            steps.add((Map<String, Object>) o);
        }
        return steps;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
