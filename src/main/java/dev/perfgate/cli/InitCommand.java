package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perfgate init [DIR]}: scaffold a suite folder and the CI file that gates it. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a suite folder with an example benchmark, and the CI file that gates it: a GitHub "
                + "Actions workflow using perfgate's action, or a GitLab CI file; with --extension, one that builds "
                + "a PostgreSQL extension at a pull request's base and head and gates head against base.")
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

    @Option(names = "--extension", paramLabel = "pgxs|pgrx",
            description = "The project is a PostgreSQL extension built with PGXS (make) or pgrx (cargo pgrx): CI "
                    + "builds it at the base and at the head and gates head against base on a PostgreSQL it installs.")
    CiTemplates.ExtensionKind extension;

    @Option(names = "--extension-name", paramLabel = "NAME",
            description = "The extension's name, for CREATE EXTENSION (default: the one .control file in --root).")
    String extensionName;

    @Option(names = "--postgresql", paramLabel = "MAJOR[,MAJOR...]", split = ",",
            description = "With --extension: the PostgreSQL majors main's runs are recorded on, each in its own "
                    + "history; pull requests are gated on the newest (default: 17).")
    List<Integer> majors;

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
        CiTemplates.Extension project = extension();
        Path ciFile = root.resolve(ci == Ci.github ? ".github/workflows/performance.yml" : ".gitlab-ci.yml");
        String ciText = project != null ? ci == Ci.github ? CiTemplates.githubExtension(suite, source, project)
                : CiTemplates.gitlabExtension(suite, source, project)
                : ci == Ci.github ? CiTemplates.github(suite, source, shards) : CiTemplates.gitlab(suite, source);
        Map<Path, String> files = new LinkedHashMap<>();
        Path folder = root.resolve(dir);
        files.put(folder.resolve("_suite.sql"), project == null ? CiTemplates.template("_suite.sql")
                : project.fill(CiTemplates.template("_suite-extension.sql"), suite));
        files.put(folder.resolve("example_update.sql"), CiTemplates.template("example_update.sql"));
        String readme = CiTemplates.readme(suite, root.relativize(ciFile).toString(), project);
        files.put(folder.resolve("README.md"), readme);
        files.put(ciFile, ciText);
        if (!force) {
            for (Path f : files.keySet()) {
                if (Files.exists(f)) throw new PerfgateException(f + " already exists: move it away or pass --force");
            }
        }
        files.forEach(ReportWriter::writeFile);
        files.keySet().forEach(f -> console.out().println("created " + f));
        console.out().println("Next: commit these files; every pull request then gets a verdict. Try it here first: "
                + "perfgate check " + suite + (project == null ? "" : " --pg-bin $(pg_config --bindir) --extension "
                + "STAGE (your build, staged: see the user guide, \"Benchmarking an extension\")") + " --quick");
        return 0;
    }

    /** The extension project {@code --extension} describes, or null without it. */
    private CiTemplates.Extension extension() {
        if (extension == null) {
            if (extensionName != null || majors != null) {
                throw new PerfgateException("--extension-name and --postgresql describe an extension project: add "
                        + "--extension pgxs or --extension pgrx");
            }
            return null;
        }
        if (shards != 1) {
            throw new PerfgateException("--shards is not for --extension: its pull-request job is one job");
        }
        String name = extensionName != null ? extensionName : CiTemplates.controlName(root);
        if (name == null) {
            throw new PerfgateException("--extension: no single .control file in " + root + ": pass --extension-name "
                    + "NAME (what CREATE EXTENSION loads), or run init in the extension's top folder");
        }
        return new CiTemplates.Extension(extension, name, majors == null ? CiTemplates.DEFAULT_MAJORS : majors);
    }
}
