package dev.perfgate.model;

/**
 * The source revision a run measured. Any field may be {@code null} when not run inside a git work tree.
 *
 * @param dirty true when the work tree had uncommitted changes
 */
public record GitInfo(String commit, String branch, Boolean dirty) {
    public static final GitInfo UNKNOWN = new GitInfo(null, null, null);
}
