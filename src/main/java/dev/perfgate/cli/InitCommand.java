package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perfgate init [DIR]}: scaffold a suite folder and the CI file that gates it. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a suite folder with an example benchmark, and the CI file that gates it: a GitHub "
                + "Actions workflow using perfgate's action, or a GitLab CI file.")
final class InitCommand implements Callable<Integer> {

    enum Ci { github, gitlab }

    private final Console console;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "perf",
            description = "The suite folder to create (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--ci", paramLabel = "github|gitlab", defaultValue = "github",
            description = "The CI file: .github/workflows/performance.yml or .gitlab-ci.yml (default: ${DEFAULT-VALUE}).")
    Ci ci;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
            description = "GitHub: split the suite over N runners (a matrix of shard jobs and a judge job).")
    int shards;

    @Option(names = "--source", paramLabel = "OWNER/REPO@REF", defaultValue = CiTemplates.SOURCE,
            description = "Where CI gets perfgate: its action (GitHub) or source (GitLab) (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The project's root folder, where the CI file goes; DIR is relative to it (default: .).")
    Path root;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    InitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        String suite = dir.toString().replace('\\', '/');
        if (ci == Ci.gitlab && shards != 1) {
            throw new PerfgateException("--shards is for the GitHub workflow; on GitLab, see the user guide's "
                    + "\"Scaling out\" for parallel:matrix");
        }
        Path ciFile = root.resolve(ci == Ci.github ? ".github/workflows/performance.yml" : ".gitlab-ci.yml");
        String ciText = ci == Ci.github ? CiTemplates.github(suite, source, shards) : CiTemplates.gitlab(suite, source);
        Map<Path, String> files = new LinkedHashMap<>();
        Path folder = root.resolve(dir);
        files.put(folder.resolve("_suite.sql"), CiTemplates.template("_suite.sql"));
        files.put(folder.resolve("example_update.sql"), CiTemplates.template("example_update.sql"));
        files.put(folder.resolve("README.md"), CiTemplates.readme(suite, root.relativize(ciFile).toString()));
        files.put(ciFile, ciText);
        if (!force) {
            for (Path f : files.keySet()) {
                if (Files.exists(f)) throw new PerfgateException(f + " already exists: move it away or pass --force");
            }
        }
        files.forEach(ReportWriter::writeFile);
        files.keySet().forEach(f -> console.out().println("created " + f));
        console.out().println("Next: commit these files; every pull request then gets a verdict. Try it here first: "
                + "perfgate check " + suite + " --quick");
        return 0;
    }
}
