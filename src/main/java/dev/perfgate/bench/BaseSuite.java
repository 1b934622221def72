package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.GitInfo;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The base (A) of an A/B comparison: {@code --against DIR} reads another folder, {@code --against REF} takes the
 * candidate's suite folder as it was at git revision REF, exported from the repository that holds it into a
 * temporary folder (deleted on {@link #close}). Only the suite folder is exported: a suite reads nothing else.
 */
public final class BaseSuite implements AutoCloseable {

    private final Suite suite;
    private final AbInfo.Version version;
    private final Path exported;

    private BaseSuite(Suite suite, AbInfo.Version version, Path exported) {
        this.suite = suite;
        this.version = version;
        this.exported = exported;
    }

    /** The base read from another folder ({@code --against DIR}). */
    public static BaseSuite fromFolder(Path folder) {
        GitInfo git = GitProbe.probe(folder);
        return new BaseSuite(SuiteReader.readFolder(folder), new AbInfo.Version("folder", null, git.commit(),
                folder.toAbsolutePath().normalize().toString(), git.dirty()), null);
    }

    /**
     * The candidate's suite folder as it was at git revision {@code ref}, exported into a temporary folder.
     *
     * @param folder the candidate suite's folder; null for the bundled demo suite, which has no revisions
     */
    public static BaseSuite fromRevision(String ref, Path folder) {
        if (folder == null) {
            throw new PerfgateException("--against " + ref + ": no such folder, and the bundled demo suite has no "
                    + "git history; give the suite folder (in perfgate's repository: src/main/resources/suites/tviews) "
                    + "to compare with a revision");
        }
        Path dir = folder.toAbsolutePath().normalize();
        String top = GitProbe.git(dir, "rev-parse", "--show-toplevel");
        if (top == null) {
            throw new PerfgateException("--against " + ref + ": " + folder + " is not in a git repository (and " + ref
                    + " is not a folder): give a folder holding the other version of the suite");
        }
        Path root = Path.of(top);
        Revision revision = Revision.resolve(root, ref);
        String commit = revision.commit();
        String relative = relative(root, dir);
        String listed = GitProbe.git(root, "ls-tree", "-d", "--name-only", commit, "--", relative);
        if (listed == null || listed.isBlank()) {
            throw new PerfgateException("--against " + ref + ": the suite folder " + relative + " does not exist at "
                    + shortCommit(commit) + ", so there is nothing to compare with; compare with a later revision, "
                    + "or use a stored baseline");
        }
        Path exported = export(root, commit, relative);
        try {
            Suite suite = SuiteReader.readFolder(exported.resolve(relative));
            return new BaseSuite(suite, new AbInfo.Version("git", revision.ref(), commit, relative, null), exported);
        } catch (RuntimeException e) {
            delete(exported);
            throw e;
        }
    }

    /**
     * The short commit of {@code ref} when the revision exists but the suite folder does not exist there (the change
     * adds the suite: it is new, there is nothing to compare with); null when the folder is there or the revision
     * cannot be read (then {@link #fromRevision} says why).
     */
    public static String absentAt(String ref, Path folder) {
        if (folder == null) return null;
        Path dir = folder.toAbsolutePath().normalize();
        String top = GitProbe.git(dir, "rev-parse", "--show-toplevel");
        if (top == null) return null;
        Path root = Path.of(top);
        String commit;
        try {
            commit = Revision.resolve(root, ref).commit();
        } catch (PerfgateException e) {
            return null;
        }
        String listed = GitProbe.git(root, "ls-tree", "-d", "--name-only", commit, "--", relative(root, dir));
        return listed == null || listed.isBlank() ? shortCommit(commit) : null;
    }

    /**
     * A revision as given and the commit it names. A branch that exists only as the remote's ({@code main} after a
     * clone that checked out another branch: only {@code origin/main} is there) resolves to {@code origin/REF}, and
     * the reports name that.
     */
    private record Revision(String ref, String commit) {
        static Revision resolve(Path root, String ref) {
            String commit = GitProbe.git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
            if (commit != null) return new Revision(ref, commit);
            String remote = "origin/" + ref;
            commit = GitProbe.git(root, "rev-parse", "--verify", "--quiet", remote + "^{commit}");
            if (commit != null) return new Revision(remote, commit);
            throw new PerfgateException("--against " + ref + ": no such revision in " + root + ", nor " + remote
                    + " (a shallow clone may lack it: fetch with enough history, e.g. actions/checkout with "
                    + "fetch-depth: 0, or fetch the branch)");
        }
    }

    private static String relative(Path root, Path dir) {
        try {
            Path real = dir.toRealPath();
            Path rel = root.toRealPath().relativize(real);
            return rel.toString().isEmpty() ? "." : rel.toString().replace('\\', '/');
        } catch (IOException e) {
            throw new PerfgateException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code git archive COMMIT -- relative} unpacked into a new temporary folder. */
    private static Path export(Path root, String commit, String relative) {
        Path target;
        try {
            target = Files.createTempDirectory("perfgate-base-");
        } catch (IOException e) {
            throw new PerfgateException("cannot create a temporary folder for the base suite: " + e.getMessage(), e);
        }
        try {
            Process git = new ProcessBuilder(List.of("git", "-C", root.toString(), "archive", "--format=tar", commit,
                    "--", relative)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream out = git.getInputStream(); TarArchiveInputStream tar = new TarArchiveInputStream(out)) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    Path file = target.resolve(e.getName()).normalize();
                    if (!file.startsWith(target)) throw new IOException("archive entry outside its folder: " + e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(file);
                    } else if (e.isFile()) {
                        Files.createDirectories(file.getParent());
                        Files.copy(tar, file);
                    }
                }
            }
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IOException("git archive failed");
            }
            return target;
        } catch (IOException e) {
            delete(target);
            throw new PerfgateException("cannot export " + relative + " at " + shortCommit(commit) + " from " + root
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(target);
            throw new PerfgateException("interrupted while exporting the base suite", e);
        }
    }

    public Suite suite() {
        return suite;
    }

    public AbInfo.Version version() {
        return version;
    }

    /** The candidate's version: the suite folder as it is on disk (null folder: the bundled demo suite). */
    public static AbInfo.Version candidate(Path folder) {
        if (folder == null) return new AbInfo.Version("folder", null, null, "bundled:" + SuiteReader.DEMO_SUITE, null);
        GitInfo git = GitProbe.probe(folder);
        // in a pull request's merge checkout the reports name the commit the author pushed, not GitHub's merge
        String prHead = git.commit() == null ? null : GitProbe.pullRequestHead(folder, System.getenv("GITHUB_REF"));
        return new AbInfo.Version(git.commit() == null ? "folder" : "worktree", prHead, git.commit(),
                folder.toString(), git.dirty());
    }

    @Override
    public void close() {
        if (exported != null) delete(exported);
    }

    private static String shortCommit(String commit) {
        return commit.substring(0, Math.min(10, commit.length()));
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
