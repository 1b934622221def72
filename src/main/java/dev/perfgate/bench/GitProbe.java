package dev.perfgate.bench;

import dev.perfgate.model.GitInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the commit, branch and dirty state of the git work tree a run happens in; unknown outside one. */
public final class GitProbe {

    private GitProbe() {
    }

    public static GitInfo probe(Path dir) {
        String commit = git(dir, "rev-parse", "HEAD");
        if (commit == null) return GitInfo.UNKNOWN;
        String branch = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return new GitInfo(commit, "HEAD".equals(branch) ? null : branch, status == null ? null : !status.isEmpty());
    }

    /**
     * The pull request's own head commit when {@code dir} is GitHub's checkout of {@code refs/pull/N/merge}
     * ({@code githubRef}, GitHub's {@code GITHUB_REF}): HEAD is then a merge of the head onto the base that no one
     * wrote, and its second parent is the commit the author pushed; null otherwise. Read from the commit object
     * itself, so it works in a shallow clone that lacks the parents.
     */
    public static String pullRequestHead(Path dir, String githubRef) {
        if (githubRef == null || !githubRef.matches("refs/pull/[0-9]+/merge")) return null;
        return secondParent(git(dir, "cat-file", "commit", "HEAD"));
    }

    /** The second {@code parent} line of a raw commit object, or null when it has fewer than two. */
    static String secondParent(String rawCommit) {
        if (rawCommit == null) return null;
        List<String> parents = new ArrayList<>();
        for (String line : rawCommit.split("\n")) {
            if (line.isEmpty()) break; // the headers end at the first blank line; the message follows
            if (line.startsWith("parent ")) parents.add(line.substring("parent ".length()).strip());
        }
        return parents.size() >= 2 ? parents.get(1) : null;
    }

    /** The committer name git is configured with, or null. */
    public static String userName() {
        String name = git(Path.of(""), "config", "user.name");
        return name == null || name.isBlank() ? null : name;
    }

    /**
     * The folder {@code dir} as a path inside its git repository, relative to the top ({@code perf}, or {@code .}
     * for the top itself); null outside a repository.
     */
    public static String pathInRepository(Path dir) {
        String top = git(dir, "rev-parse", "--show-toplevel");
        if (top == null) return null;
        try {
            Path rel = Path.of(top).toRealPath().relativize(dir.toRealPath());
            return rel.toString().isEmpty() ? "." : rel.toString().replace('\\', '/');
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The top folder of the git repository holding {@code dir}; null outside one (or without git). */
    public static Path topLevel(Path dir) {
        String top = git(dir, "rev-parse", "--show-toplevel");
        return top == null ? null : Path.of(top);
    }

    /** True when the repository holding {@code dir} has the commit {@code commit}. */
    public static boolean hasCommit(Path dir, String commit) {
        return git(dir, "cat-file", "-e", commit + "^{commit}") != null;
    }

    /** True when the repository holding {@code dir} is a shallow clone (it may lack old commits). */
    public static boolean shallow(Path dir) {
        return "true".equals(git(dir, "rev-parse", "--is-shallow-repository"));
    }

    /**
     * The id of {@code file}'s blob at {@code commit} (the file as committed there); null when it did not exist
     * there, or outside git.
     */
    public static String blobAt(Path file, String commit) {
        Path dir = file.toAbsolutePath().getParent();
        return git(dir, "rev-parse", "--verify", "--quiet", commit + ":./" + file.getFileName());
    }

    /** The blob id {@code file} in the work tree would have if committed now; null outside git. */
    public static String blobOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return git(dir, "hash-object", "--", file.getFileName().toString());
    }

    /** Runs git in {@code dir}; its trimmed output, or null when git failed or is not there. */
    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
