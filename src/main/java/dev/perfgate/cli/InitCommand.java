package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perfgate init [DIR]}: scaffold a suite folder, its baseline location and the CI workflow. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a suite folder with an example benchmark, and a GitHub Actions workflow that gates it.")
final class InitCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "perf",
            description = "The suite folder to create (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--perfgate", paramLabel = "COMMAND", defaultValue = "java -jar tools/perfgate.jar",
            description = "How the workflow runs perfgate (default: ${DEFAULT-VALUE}).")
    String perfgate;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The project's root folder, where .github/ goes; DIR is relative to it (default: .).")
    Path root;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    InitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        String suite = dir.toString().replace('\\', '/');
        Map<Path, String> files = new LinkedHashMap<>();
        Path folder = root.resolve(dir);
        files.put(folder.resolve("_suite.sql"), template("_suite.sql"));
        files.put(folder.resolve("example_update.sql"), template("example_update.sql"));
        files.put(folder.resolve("README.md"), template("README.md").replace("@SUITE@", suite));
        files.put(root.resolve(".github/workflows/performance.yml"),
                template("performance.yml").replace("@SUITE@", suite).replace("@PERFGATE@", perfgate));
        if (!force) {
            for (Path f : files.keySet()) {
                if (Files.exists(f)) throw new PerfgateException(f + " already exists: move it away or pass --force");
            }
        }
        files.forEach(ReportWriter::writeFile);
        files.keySet().forEach(f -> console.out().println("created " + f));
        console.out().println("Next: perfgate check " + suite + ", then accept the run as the baseline with "
                + "perfgate baseline accept perfgate-out/results.json --suite " + suite + " --reason \"first baseline\"");
        return 0;
    }

    private static String template(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream("/init/" + name)) {
            if (in == null) throw new IllegalStateException("template missing from the jar: /init/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot read template " + name + " from perfgate's jar: " + e.getMessage(), e);
        }
    }
}
