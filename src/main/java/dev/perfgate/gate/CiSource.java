package dev.perfgate.gate;

import dev.perfgate.PerfgateException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CiSource} is where the CI files {@code perfgate init} writes get perfgate ({@code init --source}): a GitHub
 * repository holding perfgate at a ref (GitHub runs it as the action, GitLab clones it), any git repository at a ref
 * (both CI files check it out at that ref and build perfgate from it: the route that works before perfgate is
 * published), or this repository ({@code ./}, for perfgate's own workflow).
 *
 * @param kind       which of the three
 * @param repository {@code OWNER/REPO} for {@link Kind#GITHUB}, the git URL for {@link Kind#GIT}, {@code ./} for
 *                   {@link Kind#LOCAL}
 * @param ref        the tag, branch or commit id; empty for {@link Kind#LOCAL}
 */
public record CiSource(Kind kind, String repository, String ref) {

    /** The three forms {@code --source} takes. */
    public enum Kind { GITHUB, GIT, LOCAL }

    /**
     * What {@code init} writes when not told where perfgate is. perfgate is not published yet, so this names no real
     * repository: {@code init} says so in its output and in the file it writes.
     */
    public static final String PLACEHOLDER = "OWNER/perfgate@v1";

    /** Where a {@link Kind#GIT} source is checked out in the job's workspace (GitHub runs it as a local action). */
    static final String CHECKOUT = ".perfgate/src";

    private static final Pattern GITHUB = Pattern.compile("([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([A-Za-z0-9_./-]+)");
    // A URL goes into a double-quoted YAML string and a quoted shell variable: no quotes, '$', '\', '`' or spaces.
    private static final Pattern URL = Pattern.compile(
            "((?:https?|ssh|git|file)://[A-Za-z0-9_.~:/%+@-]+|[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[A-Za-z0-9_.~/-]+)"
                    + "@([A-Za-z0-9_./-]+)");

    /** Reads {@code --source}; a form it does not know is one line, exit 2. */
    public static CiSource parse(String text) {
        if (text.equals("./")) return new CiSource(Kind.LOCAL, "./", "");
        Matcher url = URL.matcher(text);
        if (url.matches() && validRef(url.group(2))) return new CiSource(Kind.GIT, url.group(1), url.group(2));
        Matcher github = GITHUB.matcher(text);
        if (github.matches() && validRef(github.group(2))) {
            return new CiSource(Kind.GITHUB, github.group(1), github.group(2));
        }
        throw new PerfgateException("--source " + text + ": give OWNER/REPO@REF (a GitHub repository holding "
                + "perfgate, e.g. acme/perfgate@v1), URL@REF (any git repository holding perfgate and a tag or commit "
                + "id, e.g. https://git.example.com/perfgate.git@1a2b3c4), or ./ (this repository is perfgate)");
    }

    private static boolean validRef(String ref) {
        return !ref.startsWith("-") && !ref.startsWith("/") && !ref.endsWith("/") && !ref.contains("..");
    }

    /** True for {@link #PLACEHOLDER}: the CI file names no real repository yet. */
    public boolean placeholder() {
        return kind == Kind.GITHUB && (repository + "@" + ref).equals(PLACEHOLDER);
    }

    /** What a GitHub workflow's {@code uses:} names: the repository's action, the checkout, or {@code ./}. */
    String action() {
        return switch (kind) {
            case GITHUB -> repository + "@" + ref;
            case GIT -> "./" + CHECKOUT;
            case LOCAL -> "./";
        };
    }

    /** The URL a job clones perfgate from (GitLab, and GitHub for {@link Kind#GIT}). */
    String cloneUrl() {
        return switch (kind) {
            case GITHUB -> "https://github.com/" + repository + ".git";
            case GIT -> repository;
            case LOCAL -> throw new PerfgateException("--source ./: GitLab CI clones perfgate: give OWNER/REPO@REF "
                    + "(a GitHub repository) or URL@REF (any git repository)");
        };
    }

    @Override
    public String toString() {
        return kind == Kind.LOCAL ? repository : repository + "@" + ref;
    }
}
