package dev.perfgate.bench;

import dev.perfgate.model.AbInfo;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A same-session A/B measurement end to end: the server (or two, with {@code --against-db}), a database per side,
 * the interleaved pairs ({@link InterleavedRun}), and both sides' results, each marked with the A/B session.
 */
public final class AbRun {

    /**
     * What to compare and how.
     *
     * @param dbUrl        the candidate's server ({@code --db}); null: the embedded one
     * @param baseDbUrl    the base's own server or database ({@code --against-db}); null: the candidate's server
     * @param maxPairs     at most this many pairs per benchmark
     * @param budgetMillis no confirmation pass starts after this long
     */
    public record Plan(Suite base, AbInfo.Version baseVersion, Suite candidate, AbInfo.Version candidateVersion,
                       String dbUrl, String baseDbUrl, Settings overrides, boolean quick, int maxPairs,
                       long budgetMillis) {

        /** True when the pair budget leaves room for a confirmation pass after the first one. */
        public boolean confirming() {
            return maxPairs >= 2 * candidate.settings().overriddenBy(overrides).iterationsOrDefault();
        }
    }

    /** Both sides' results: {@code base} is A, {@code candidate} is B; sample i of a benchmark pairs them. */
    public record Outcome(RunResult base, RunResult candidate, double startSeconds, String server) {
    }

    private AbRun() {
    }

    public static Outcome measure(Plan plan, Progress progress, InterleavedRun.Confirmation confirmation) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (Session main = Session.start(plan.dbUrl(), progress::status);
             Session other = plan.baseDbUrl() == null ? null : Session.start(plan.baseDbUrl(), progress::status)) {
            SuiteDatabase a;
            SuiteDatabase b;
            if (other != null) {
                a = other.open(plan.base(), plan.overrides(), null, AbInfo.BASE);
                b = main.open(plan.candidate(), plan.overrides(), null, AbInfo.CANDIDATE);
            } else if (main.embedded()) {
                // two fresh databases made the same way, so neither side starts with the other's history
                a = main.open(plan.base(), plan.overrides(), "perfgate_base", AbInfo.BASE);
                b = main.open(plan.candidate(), plan.overrides(), "perfgate_candidate", AbInfo.CANDIDATE);
            } else {
                a = main.open(plan.base(), plan.overrides(), "perfgate_base_" + id, AbInfo.BASE);
                b = main.open(plan.candidate(), plan.overrides(), null, AbInfo.CANDIDATE);
            }
            if (Session.pinning() && !Session.runOnOneCpu(List.of(a, b))) {
                progress.status("note: the two sides' server processes could not be put on one CPU (the server is not "
                        + "on this machine, or taskset is missing): a core busier than the other can bias every pair");
            }
            InterleavedRun.Result r = new InterleavedRun(a, b, progress, confirmation, plan.maxPairs(),
                    plan.budgetMillis()).run();
            AbInfo info = new AbInfo(id, AbInfo.CANDIDATE, plan.baseVersion(), plan.candidateVersion(), r.looks(),
                    plan.confirming());
            RunResult candidate = SuiteRun.record(main, plan.candidate(), plan.overrides(), plan.quick(),
                    r.candidate(), GitProbe.probe(Path.of("")), true).withAb(info);
            RunResult base = SuiteRun.record(other != null ? other : main, plan.base(), plan.overrides(), plan.quick(),
                    r.base(), baseGit(plan.baseVersion()), false).withAb(info.as(AbInfo.BASE));
            return new Outcome(base, candidate, main.startSeconds(), main.serverDescription());
        }
    }

    private static GitInfo baseGit(AbInfo.Version v) {
        if (v == null || v.commit() == null) return GitInfo.UNKNOWN;
        return new GitInfo(v.commit(), v.ref(), v.dirty());
    }
}
