package dev.perfgate.cli;

import dev.perfgate.model.HistoryEntry;
import dev.perfgate.history.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift check end to end, in-process through the command line, on a real embedded server in a real git
 * repository: the anchor accepted and shown, a chain of commits each making the read-model rebuild slower, each
 * commit checked against its parent and the anchor as main's job does, the drift over the budget failing, the ledger
 * naming the commits, and an anchor commit that history rewriting removed refused in one line.
 */
class DriftIT {

    @TempDir
    Path repo;

    Path suite;

    @BeforeEach
    void repositoryWithTheDemoSuite() throws Exception {
        suite = CheckGateIT.copyDemoSuite(repo.resolve("bench/tviews"));
        Files.writeString(repo.resolve(".gitignore"), "/*\n!/bench/\n!/.gitignore\n"); // results stay out of commits
        git("init", "-q", "-b", "main");
        git("add", ".");
        commit("suite");
    }

    @Test
    void driftOverTheBudgetFailsTheLedgerNamesTheCommitsAndAGoneAnchorIsRefused() throws Exception {
        CliRun measured = check("-o", repo.resolve("anchor.json").toString());
        assertThat(measured.exitCode()).as(measured.err()).isZero();
        CliRun accepted = CliRun.of("baseline", "accept", repo.resolve("anchor.json").toString(), "--suite",
                suite.toString(), "--reason", "release 1.4", "--yes");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        String anchor = git("rev-parse", "HEAD");
        commit("accept the baseline");
        assertThat(CliRun.of("baseline", "show", "--suite", suite.toString()).out())
                .contains("anchor: commit " + anchor + ", suite folder bench/tviews");

        List<String> commits = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            slower(k * 240);
            commit("slower " + k);
            commits.add(git("rev-parse", "HEAD"));
            CliRun parent = check("--against", "HEAD~1", "--history", history());
            assertThat(parent.exitCode()).as(parent.out() + parent.err()).isIn(0, 1);
            CliRun drift = check("--against-anchor", "--history", history());
            if (k == 2) {
                assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(1);
                assertThat(drift.out()).contains("DRIFT: drift since anchor " + anchor.substring(0, 7) + " (accepted ")
                        .contains(", 'release 1.4'): +").contains("budget 10%: 1 benchmark beyond the budget")
                        .containsPattern("cascade_10_entities .* REGRESSION");
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        HistoryStore.open(history()).forEach(entries::add, w -> { });
        assertThat(entries).hasSize(4).allSatisfy(e -> assertThat(e.changes()).containsKey("cascade_10_entities"));
        assertThat(entries.get(3).anchor().commit()).isEqualTo(anchor);
        assertThat(entries.get(3).anchor().budget()).isEqualTo(0.10);
        assertThat(entries.get(2).anchor()).as("a parent check is no drift check").isNull();

        CliRun ledger = CliRun.of("history", "drift", "--history", history());
        assertThat(ledger.exitCode()).isZero();
        assertThat(ledger.out()).contains("Drift of cascade_10_entities since anchor " + anchor.substring(0, 8)
                + " ('release 1.4'), budget 10%:").contains(commits.get(0).substring(0, 8))
                .contains(commits.get(1).substring(0, 8)).containsPattern("commits? accounts? for \\+");

        // history rewritten: the anchor commit is gone
        git("checkout", "-q", "--orphan", "rewritten");
        commit("rewritten");
        git("branch", "-D", "-q", "main");
        git("reflog", "expire", "--expire=now", "--all");
        git("gc", "-q", "--prune=now");
        CliRun gone = check("--against-anchor");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.errorLines()).contains("the anchor commit " + anchor.substring(0, 7))
                .contains("re-anchor by measuring a commit of this history");
        assertThat(gone.errorLines().lines()).hasSize(1);
    }

    @Test
    void theBundledSuiteHasNoAnchor() {
        CliRun r = CliRun.of("check", "--against-anchor", "-o", repo.resolve("r.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).contains("--against-anchor needs the suite's folder in a git repository");
    }

    private String history() {
        return repo.resolve("main.jsonl").toString();
    }

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", suite.toString(), "-b", "cascade_10_entities",
                "--base-output", repo.resolve("results-base.json").toString()));
        if (!List.of(args).contains("-o")) all.addAll(List.of("-o", repo.resolve("results.json").toString()));
        if (!List.of(args).contains("--history")) all.addAll(List.of("--history", repo.resolve("scratch.jsonl").toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * Every read-model rebuild hashes {@code blocks} x 32 bytes more, text that depends on the product (a constant
     * would be folded at planning and cost nothing): more CPU, same rows, buffers, WAL and plan.
     */
    private void slower(int blocks) throws IOException {
        Path file = suite.resolve("_suite.sql");
        String sql = Files.readString(file);
        String slowed = sql.replaceAll("VALUES \\(p_id, tviews\\.tv_product_build\\(p_id[^\n]*\n",
                "VALUES (p_id, tviews.tv_product_build(p_id + 0 * length(md5(repeat(md5(p_id::text), " + blocks
                        + ")))))\n");
        assertThat(slowed).isNotEqualTo(sql);
        Files.writeString(file, slowed);
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
