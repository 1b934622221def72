package dev.perfgate.cli;

import dev.perfgate.gate.CiSource;
import dev.perfgate.gate.CiTemplates;
import dev.perfgate.gate.Init;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code perfgate init [DIR]}: scaffold a suite folder and the CI file that gates it ({@link Init}). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a suite folder with an example benchmark, and the CI file that gates it: a GitHub "
                + "Actions workflow using perfgate's action, or a GitLab CI file to include; with --extension, one "
                + "that builds a PostgreSQL extension at a pull request's base and head and gates head against base. "
                + "A folder that already holds a suite is kept as it is: init then adds only the CI file.")
final class InitCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "perf",
            description = "The suite folder to create (default: ${DEFAULT-VALUE}); kept as it is if it holds a suite.")
    Path dir;

    @Option(names = "--ci", paramLabel = "github|gitlab", defaultValue = "github",
            description = "The CI file: .github/workflows/performance.yml, or .gitlab/perfgate.gitlab-ci.yml for "
                    + "your .gitlab-ci.yml to include (default: ${DEFAULT-VALUE}).")
    Init.Ci ci;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
            description = "GitHub: split the suite over N runners (a matrix of shard jobs and a judge job).")
    int shards;

    @Option(names = "--source", paramLabel = "URL@REF|OWNER/REPO@REF", defaultValue = CiSource.PLACEHOLDER,
            description = "Where CI gets perfgate: URL@REF, any git repository holding perfgate at a tag or commit "
                    + "(the job checks it out and builds perfgate from it), or OWNER/REPO@REF, a GitHub repository "
                    + "holding perfgate (GitHub runs it as the action). perfgate is not published yet: the default, "
                    + "${DEFAULT-VALUE}, is a placeholder.")
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

    @Option(names = "--force", description = "Overwrite perfgate's CI file if it exists. A suite's files and your "
            + ".gitlab-ci.yml are never overwritten.")
    boolean force;

    InitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Init.Outcome outcome = Init.run(new Init.Request(root, dir.toString(), ci, shards, CiSource.parse(source),
                extension, extensionName, majors, force));
        for (Init.File f : outcome.files()) {
            console.out().println(f.action().name().toLowerCase(Locale.ROOT) + " " + f.path()
                    + (f.why().isEmpty() ? "" : " (" + f.why() + ")"));
        }
        outcome.notes().forEach(console.out()::println);
        return 0;
    }
}
