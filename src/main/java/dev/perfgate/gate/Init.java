package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.report.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code perfgate init}: scaffolds a suite folder and the CI file that gates it, and never overwrites what a user
 * wrote without saying so. The rule, file by file:
 * <ul>
 *   <li>the suite's files are never overwritten, {@code --force} or not: a folder that already holds {@code .sql}
 *       files is a suite, kept whole (no example benchmark is added to it); in an empty or new folder each missing
 *       file is created and each existing one kept. So {@code init} on a project with a suite adds only the CI file.
 *   <li>the CI file perfgate owns ({@code .github/workflows/performance.yml}, {@code .gitlab/perfgate.gitlab-ci.yml})
 *       is created; if it exists with other content, {@code init} refuses before writing anything, and
 *       {@code --force} overwrites it and says so.
 *   <li>{@code .gitlab-ci.yml}, the project's own CI file, is never rewritten: created with the one {@code include:}
 *       of perfgate's file when missing, else kept, with the lines to add to it.
 * </ul>
 * Every file is reported as created, kept or overwritten.
 */
public final class Init {

    /** The CI system {@code init --ci} writes for. */
    public enum Ci { github, gitlab }

    /** What became of one file. */
    public enum Action { CREATED, KEPT, OVERWRITTEN }

    /**
     * What {@code init} is asked to write.
     *
     * @param suite         the suite folder, relative to {@code root}
     * @param extensionKind null for a plain suite
     * @param extensionName null: the one {@code .control} file in {@code root} names it
     * @param majors        null: {@link CiTemplates#DEFAULT_MAJORS}
     */
    public record Request(Path root, String suite, Ci ci, int shards, CiSource source,
                          CiTemplates.ExtensionKind extensionKind, String extensionName, List<Integer> majors,
                          boolean force) {
    }

    /** One file and what became of it; {@code why} says why it was kept or overwritten (empty when created). */
    public record File(Path path, Action action, String why) {
    }

    /**
     * What {@code init} did: each file, then lines for the user (the placeholder warning, the include to add, what
     * to do next).
     */
    public record Outcome(List<File> files, List<String> notes) {
    }

    /** {@code .gitlab-ci.yml} as {@code init} creates it when the project has none. */
    static final String GITLAB_CI_INCLUDE = "include:\n  - local: " + CiTemplates.GITLAB_INCLUDE + "\n";

    private Init() {
    }

    /** Checks everything, then writes; nothing is written when a check fails. */
    public static Outcome run(Request r) {
        String suite = r.suite().replace('\\', '/');
        if (r.ci() == Ci.gitlab && r.shards() != 1) {
            throw new PerfgateException("--shards is for the GitHub workflow; on GitLab, see the user guide's "
                    + "\"Scaling out\" for parallel:matrix");
        }
        CiTemplates.Extension project = extension(r);
        boolean github = r.ci() == Ci.github;
        String ciName = github ? CiTemplates.GITHUB_WORKFLOW : CiTemplates.GITLAB_INCLUDE;
        String ciText = project != null ? github ? CiTemplates.githubExtension(suite, r.source(), project)
                : CiTemplates.gitlabExtension(suite, r.source(), project)
                : github ? CiTemplates.github(suite, r.source(), r.shards()) : CiTemplates.gitlab(suite, r.source());
        List<File> files = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        suiteFiles(r.root().resolve(suite), suite, ciName, project, files, writes);
        ciFile(r.root().resolve(ciName), ciText, r.force(), files, writes);
        List<String> notes = new ArrayList<>();
        if (!github) projectCi(r.root().resolve(".gitlab-ci.yml"), files, writes, notes);
        for (Write w : writes) ReportWriter.writeFile(w.path(), w.text());
        if (r.source().placeholder()) notes.add(placeholderWarning(ciName));
        notes.add("Next: commit these files; every " + (github ? "pull" : "merge") + " request then gets a verdict. "
                + "Try it here first: perfgate check " + suite + (project == null ? "" : " --pg-bin $(pg_config "
                + "--bindir) --extension STAGE (your build, staged: see the user guide, \"Benchmarking an "
                + "extension\")") + " --quick");
        return new Outcome(List.copyOf(files), List.copyOf(notes));
    }

    private record Write(Path path, String text) {
    }

    /** The suite folder's files: a folder that is already a suite is kept whole; else each missing file created. */
    private static void suiteFiles(Path folder, String suite, String ciName, CiTemplates.Extension project,
                                   List<File> files, List<Write> writes) {
        if (holdsSql(folder)) {
            files.add(new File(folder, Action.KEPT, "a suite is there: init adds nothing to it, with or without "
                    + "--force"));
            return;
        }
        List<Write> planned = List.of(
                new Write(folder.resolve("_suite.sql"), project == null ? CiTemplates.template("_suite.sql")
                        : project.fill(CiTemplates.template("_suite-extension.sql"), suite)),
                new Write(folder.resolve("example_update.sql"), CiTemplates.template("example_update.sql")),
                new Write(folder.resolve("README.md"), CiTemplates.readme(suite, ciName, project)));
        for (Write w : planned) {
            if (Files.exists(w.path())) {
                files.add(new File(w.path(), Action.KEPT, "exists"));
            } else {
                files.add(new File(w.path(), Action.CREATED, ""));
                writes.add(w);
            }
        }
    }

    /** perfgate's own CI file: created; if it exists with other content, overwritten with --force, else refused. */
    private static void ciFile(Path path, String text, boolean force, List<File> files, List<Write> writes) {
        if (!Files.exists(path)) {
            files.add(new File(path, Action.CREATED, ""));
            writes.add(new Write(path, text));
        } else if (text.equals(read(path))) {
            files.add(new File(path, Action.KEPT, "unchanged"));
        } else if (force) {
            files.add(new File(path, Action.OVERWRITTEN, "--force"));
            writes.add(new Write(path, text));
        } else {
            throw new PerfgateException(path + " already exists: pass --force to overwrite it (init never "
                    + "overwrites a suite's files, with or without --force)");
        }
    }

    /** The project's {@code .gitlab-ci.yml}: created with the include when missing, else kept and the include told. */
    private static void projectCi(Path path, List<File> files, List<Write> writes, List<String> notes) {
        if (!Files.exists(path)) {
            files.add(new File(path, Action.CREATED, ""));
            writes.add(new Write(path, GITLAB_CI_INCLUDE));
        } else if (read(path).contains(CiTemplates.GITLAB_INCLUDE)) {
            files.add(new File(path, Action.KEPT, "exists, includes " + CiTemplates.GITLAB_INCLUDE));
        } else {
            files.add(new File(path, Action.KEPT, "exists: add the include below"));
            notes.add("Add perfgate's jobs to your " + path.getFileName() + " with these lines (the - local line "
                    + "goes into its include: list if it has one):\n" + GITLAB_CI_INCLUDE.stripTrailing());
        }
    }

    /** The loud word on the placeholder source, until perfgate is published. */
    static String placeholderWarning(String ciName) {
        return "WARNING: perfgate is not published yet: " + ciName + " names the repository OWNER/perfgate, "
                + "a placeholder, and its job fails until it names a real copy of perfgate. Run init again with --force "
                + "and one of:\n"
                + "  --source URL@COMMIT         any git repository holding perfgate (your mirror or fork): the job "
                + "checks it out at COMMIT and builds perfgate from it\n"
                + "  --source OWNER/REPO@COMMIT  a GitHub repository holding perfgate"
                + (ciName.equals(CiTemplates.GITHUB_WORKFLOW) ? ", run as the action" : "") + "\n"
                + "Your suite is kept. The user guide, \"Wiring CI\", says more.";
    }

    /** The extension project the request describes, or null for a plain suite. */
    private static CiTemplates.Extension extension(Request r) {
        if (r.extensionKind() == null) {
            if (r.extensionName() != null || r.majors() != null) {
                throw new PerfgateException("--extension-name and --postgresql describe an extension project: add "
                        + "--extension pgxs or --extension pgrx");
            }
            return null;
        }
        if (r.shards() != 1) {
            throw new PerfgateException("--shards is not for --extension: its pull-request job is one job");
        }
        String name = r.extensionName() != null ? r.extensionName() : CiTemplates.controlName(r.root());
        if (name == null) {
            throw new PerfgateException("--extension: no single .control file in " + r.root() + ": pass "
                    + "--extension-name NAME (what CREATE EXTENSION loads), or run init in the extension's top folder");
        }
        return new CiTemplates.Extension(r.extensionKind(), name, r.majors() == null ? CiTemplates.DEFAULT_MAJORS
                : r.majors());
    }

    private static boolean holdsSql(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".sql"));
        } catch (IOException e) {
            throw new PerfgateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
