package dev.perfgate.bench;

import dev.perfgate.model.AbInfo;
import dev.perfgate.model.TableData;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.Objects;
import java.util.UUID;

/**
 * A same-session A/B measurement end to end: the server (or two, with {@code --against-db}), a database per side,
 * the interleaved pairs ({@link InterleavedRun}), and both sides' results, each marked with the A/B session.
 */
public final class AbRun {

    /**
     * One side as the session runs it.
     *
     * @param version   what the reports and results files call it
     * @param serverUrl the server's JDBC URL; null for a server perfgate starts as {@code spec} says
     */
    public record Arm(Suite suite, AbInfo.Version version, String serverUrl, ServerSpec spec) {
    }

    /**
     * How many pairs a benchmark may get and how long the session may add passes.
     *
     * @param maxPairs     at most this many pairs per benchmark, all passes included
     * @param budgetMillis no pass after a benchmark's first starts after this long
     */
    public record Budget(int maxPairs, long budgetMillis) {
    }

    /** What to compare and how: two sides on one server (two databases) or on two, as their URLs say. */
    public record Plan(Arm base, Arm candidate, Settings overrides, boolean quick, Budget budget) {

        /** True when the pair budget leaves room for a confirmation pass after the first one. */
        public boolean confirming() {
            return budget.maxPairs() >= 2 * candidate.suite().settings().overriddenBy(overrides).iterationsOrDefault();
        }

        /**
         * True when both sides run on one server, each in a database of its own; two builds of one extension, two
         * installations or two sets of settings need a server each.
         */
        public boolean oneServer() {
            return Objects.equals(base.serverUrl(), candidate.serverUrl())
                    && (base.serverUrl() != null || Objects.equals(base.spec(), candidate.spec()));
        }
    }

    /**
     * Both sides' results: {@code base} is A, {@code candidate} is B; sample i of a benchmark pairs them.
     * {@code baseFailures} names the benchmarks that failed on the base side, with perfgate's one-line error: they
     * are not compared (see {@link InterleavedRun.Result#baseFailures}).
     */
    public record Outcome(RunResult base, RunResult candidate, double startSeconds, String server,
                          Map<String, String> baseFailures) {

        public Outcome {
            baseFailures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baseFailures));
        }

        public Outcome(RunResult base, RunResult candidate, double startSeconds, String server) {
            this(base, candidate, startSeconds, server, Map.of());
        }
    }

    private AbRun() {
    }

    public static Outcome measure(Plan plan, Progress progress, InterleavedRun.Allocation allocation) {
        return measure(plan, progress, allocation, (base, candidate) -> { });
    }

    /**
     * As {@link #measure(Plan, Progress, InterleavedRun.Allocation)}, handing {@code databases} what each side's
     * tables hold once both suites are set up, before the pairs start (the gate judges whether they differ).
     */
    public static Outcome measure(Plan plan, Progress progress, InterleavedRun.Allocation allocation,
                                  BiConsumer<List<TableData>, List<TableData>> databases) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Arm base = plan.base();
        Arm candidate = plan.candidate();
        try (Session main = Session.start(candidate.serverUrl(), candidate.spec(), progress::status);
             Session other = plan.oneServer() ? null
                     : Session.start(base.serverUrl(), base.spec(), progress::status)) {
            SuiteDatabase a;
            SuiteDatabase b;
            if (other != null) {
                a = other.open(base.suite(), plan.overrides(), null, AbInfo.BASE);
                b = main.open(candidate.suite(), plan.overrides(), null, AbInfo.CANDIDATE);
            } else if (main.embedded()) {
                // two fresh databases made the same way, so neither side starts with the other's history
                a = main.open(base.suite(), plan.overrides(), "perfgate_base", AbInfo.BASE);
                b = main.open(candidate.suite(), plan.overrides(), "perfgate_candidate", AbInfo.CANDIDATE);
            } else {
                a = main.open(base.suite(), plan.overrides(), "perfgate_base_" + id, AbInfo.BASE);
                b = main.open(candidate.suite(), plan.overrides(), null, AbInfo.CANDIDATE);
            }
            if (Session.pinning() && !Session.runOnOneCpu(List.of(a, b))) {
                progress.status("note: the two sides' server processes could not be put on one CPU (the server is not "
                        + "on this machine, or taskset is missing): a core busier than the other can bias every pair");
            }
            databases.accept(TableStats.read(a), TableStats.read(b));
            InterleavedRun.Result r = new InterleavedRun(a, b, progress, allocation, plan.budget().budgetMillis()).run();
            AbInfo info = new AbInfo(id, AbInfo.CANDIDATE, base.version(), candidate.version(), r.looks(),
                    plan.confirming(), r.targets(), r.stops());
            RunResult candidateRun = SuiteRun.record(main, candidate.suite(), plan.overrides(), plan.quick(),
                    r.candidate(), GitProbe.probe(Path.of("")), true).withAb(info);
            RunResult baseRun = SuiteRun.record(other != null ? other : main, base.suite(), plan.overrides(),
                    plan.quick(), r.base(), baseGit(base.version()), false).withAb(info.as(AbInfo.BASE));
            return new Outcome(baseRun, candidateRun, main.startSeconds(), main.serverDescription(),
                    r.baseFailures());
        }
    }

    private static GitInfo baseGit(AbInfo.Version v) {
        if (v == null || v.commit() == null) return GitInfo.UNKNOWN;
        return new GitInfo(v.commit(), v.ref(), v.dirty());
    }
}
