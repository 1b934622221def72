package dev.perfgate.bench;

import dev.perfgate.model.AbInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a pull request's merge checkout ({@code refs/pull/N/merge}) the candidate is named by the commit its author
 * pushed, the merge's second parent, not by the merge GitHub made: also in a shallow clone that lacks the parents.
 */
class GitProbeTest {

    @TempDir
    Path dir;

    @Test
    void theSecondParentLineOfACommitObjectIsThePullRequestsHead() {
        String raw = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent aaaa\nparent bbbb\nauthor x\n\nparent cccc\n";
        assertThat(GitProbe.secondParent(raw)).isEqualTo("bbbb");
        assertThat(GitProbe.secondParent("tree t\nparent aaaa\n\nmessage\n")).isNull();
        assertThat(GitProbe.secondParent(null)).isNull();
    }

    @Test
    void aShallowMergeCheckoutOfAPullRequestNamesItsHead() throws Exception {
        Path origin = Files.createDirectories(dir.resolve("origin"));
        git(origin, "init", "-q", "-b", "main");
        commit(origin, "base.txt");
        git(origin, "checkout", "-q", "-b", "feature");
        commit(origin, "feature.txt");
        String head = git(origin, "rev-parse", "HEAD");
        git(origin, "checkout", "-q", "main");
        commit(origin, "main.txt");
        git(origin, "-c", "user.name=t", "-c", "user.email=t@t", "merge", "-q", "--no-ff", "-m", "Merge", "feature");
        Path clone = dir.resolve("clone");
        git(dir, "clone", "-q", "--depth", "1", "file://" + origin, clone.toString());
        assertThat(GitProbe.shallow(clone)).isTrue();

        assertThat(GitProbe.pullRequestHead(clone, "refs/pull/7/merge")).isEqualTo(head);
        assertThat(GitProbe.pullRequestHead(clone, "refs/heads/main")).as("a merge on main is main's").isNull();
        assertThat(GitProbe.pullRequestHead(clone, null)).isNull();
        AbInfo.Version candidate = new AbInfo.Version("worktree", head, git(clone, "rev-parse", "HEAD"), "perf", false);
        assertThat(candidate.describe()).isEqualTo("PR head " + head.substring(0, 10) + " (merged onto the base)");
    }

    private void commit(Path repo, String file) throws Exception {
        Files.writeString(repo.resolve(file), file);
        git(repo, "add", file);
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", file);
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
