package dev.perfgate.bench;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.suite.BenchmarkSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The A/B interleaving on scripted sides ({@link ScriptedSide}): which side runs when, with which parameters, what is
 * recorded, and when confirmation passes run. The order of a pass itself is {@link PassOrderTest}'s.
 */
class InterleavedRunTest {

    private static final long MILLI = 1_000_000L;

    private final List<ScriptedSide.Event> log = new ArrayList<>();
    private final ScriptedSide.Clock clock = new ScriptedSide.Clock();

    private ScriptedSide side(String name, double offset, BenchmarkSpec... specs) {
        return new ScriptedSide(name, offset, List.of(specs), log, clock, MILLI);
    }

    /** Whether a benchmark gets another pass of its iterations' size (the allocation before passes had a cost). */
    @FunctionalInterface
    private interface Confirmation {
        boolean needsMorePairs(BenchmarkSpec benchmark, double[] base, double[] candidate, int looks);
    }

    /** Passes of the suite's iterations while {@code confirmation} asks and {@code maxPairs} allows. */
    private static InterleavedRun.Allocation fixed(Confirmation confirmation, int maxPairs) {
        return new InterleavedRun.Allocation() {
            @Override
            public int firstPass(BenchmarkSpec benchmark, int perPass, double secondsPerPair, double secondsLeft) {
                return perPass;
            }

            @Override
            public InterleavedRun.Step next(BenchmarkSpec benchmark, double[] base, double[] candidate, int looks,
                                            int firstPass, double secondsPerPair, double secondsLeft) {
                if (base.length + firstPass > maxPairs) return InterleavedRun.Step.stop("out of pairs");
                return confirmation.needsMorePairs(benchmark, base, candidate, looks)
                        ? InterleavedRun.Step.more(firstPass) : InterleavedRun.Step.stop("decided");
            }
        };
    }

    private InterleavedRun.Result run(ScriptedSide a, ScriptedSide b, Confirmation confirmation, int maxPairs,
                                      long budgetMillis) {
        return run(a, b, fixed(confirmation, maxPairs), budgetMillis);
    }

    private InterleavedRun.Result run(ScriptedSide a, ScriptedSide b, InterleavedRun.Allocation allocation,
                                      long budgetMillis) {
        return new InterleavedRun(a, b, Progress.SILENT, allocation, budgetMillis, clock.supplier()).run();
    }

    /** The iterations of {@code benchmark}, in the order they ran, both sides. */
    private List<ScriptedSide.Event> iterations(String benchmark) {
        return log.stream().filter(e -> e.benchmark().equals(benchmark) && e.what().equals("iteration")).toList();
    }

    private static final Confirmation NEVER = (spec, base, candidate, looks) -> false;
    private static final Confirmation ALWAYS = (spec, base, candidate, looks) -> true;

    @Test
    void eachPairRunsBothSidesBackToBackOnTheSameDrawsAndSampleIOfAPairsWithSampleIOfB() {
        ScriptedSide a = side("A", 0.25, ScriptedSide.spec("q", 10, 2));
        ScriptedSide b = side("B", 0.5, ScriptedSide.spec("q", 10, 4)); // the larger warm-up applies to both

        InterleavedRun.Result r = run(a, b, NEVER, 100, 60_000);

        List<ScriptedSide.Event> its = iterations("q");
        assertThat(its).hasSize(2 * (4 + 10));
        List<Map<String, Long>> draws = new ArrayList<>();
        for (int pair = 0; pair < its.size() / 2; pair++) {
            ScriptedSide.Event first = its.get(2 * pair);
            ScriptedSide.Event second = its.get(2 * pair + 1);
            assertThat(List.of(first.side(), second.side())).containsExactlyInAnyOrder("A", "B");
            assertThat(second.values()).isEqualTo(first.values());
            assertThat(second.partAFirst()).isEqualTo(first.partAFirst());
            draws.add(first.values());
        }
        assertThat(draws).doesNotHaveDuplicates(); // a fresh draw per pair, not one repeated
        List<Double> base = r.base().get(0).samples();
        List<Double> candidate = r.candidate().get(0).samples();
        assertThat(base).hasSize(10);
        assertThat(candidate).hasSize(10);
        for (int i = 0; i < 10; i++) {
            long id = draws.get(4 + i).get("id"); // the warm-up pairs came first and were not recorded
            assertThat(base.get(i)).isEqualTo(id + 0.25);
            assertThat(candidate.get(i)).isEqualTo(id + 0.5);
        }
    }

    @Test
    void halfThePairsOfEachPassRunABAndHalfBA() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 10, 8));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 10, 8));

        run(a, b, (spec, base, candidate, looks) -> looks < 3, 100, 60_000);

        List<ScriptedSide.Event> its = iterations("q");
        assertThat(its).hasSize(2 * (8 + 3 * 10));
        // the warm-up in two passes (the second timed, for what a pair costs), then three passes of 10 pairs
        int[][] passes = {{0, 4}, {4, 8}, {8, 18}, {18, 28}, {28, 38}};
        for (int[] pass : passes) {
            int ab = 0;
            for (int pair = pass[0]; pair < pass[1]; pair++) if (its.get(2 * pair).side().equals("A")) ab++;
            assertThat(2 * ab).as("pairs %s..%s run AB", pass[0], pass[1]).isEqualTo(pass[1] - pass[0]);
        }
    }

    @Test
    void noConfirmationPassUnlessTheCallbackAsksAndItSeesTheSamplesSoFar() {
        ScriptedSide a = side("A", 0.25, ScriptedSide.spec("q", 8, 6));
        ScriptedSide b = side("B", 0.5, ScriptedSide.spec("q", 8, 6));
        List<Integer> asked = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();

        InterleavedRun.Result r = run(a, b, (spec, base, candidate, looks) -> {
            asked.add(looks);
            seen.add(base);
            seen.add(candidate);
            return false;
        }, 1000, 60_000);

        assertThat(asked).containsExactly(1);
        assertThat(r.looks()).isEqualTo(Map.of("q", 1));
        assertThat(iterations("q")).hasSize(2 * (6 + 8));
        assertThat(seen.get(0)).containsExactly(r.base().get(0).samples().stream().mapToDouble(d -> d).toArray());
        assertThat(seen.get(1)).containsExactly(r.candidate().get(0).samples().stream().mapToDouble(d -> d).toArray());
    }

    @Test
    void confirmationPassesStopAtThePairBudget() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 10, 6));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 10, 6));
        List<Integer> asked = new ArrayList<>();

        InterleavedRun.Result r = run(a, b, (spec, base, candidate, looks) -> asked.add(looks), 35, 60_000);

        // 10, 20, 30 pairs; a fourth pass would make 40 > 35, so it is neither run nor asked for
        assertThat(asked).containsExactly(1, 2);
        assertThat(r.looks()).containsEntry("q", 3);
        assertThat(r.stops()).containsEntry("q", "out of pairs");
        assertThat(r.base().get(0).samples()).hasSize(30);
        assertThat(r.candidate().get(0).samples()).hasSize(30);
    }

    @Test
    void confirmationPassesStopAtTheTimeBudgetButTheFirstPassAlwaysRuns() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 10, 6), ScriptedSide.spec("r", 10, 6));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 10, 6), ScriptedSide.spec("r", 10, 6));

        // each iteration takes 1 ms on the scripted clock: q's first pass ends at 32 ms, its second at 52 ms
        InterleavedRun.Result r = run(a, b, ALWAYS, 1000, 50);

        assertThat(r.looks()).isEqualTo(Map.of("q", 2, "r", 1));
        assertThat(r.stops()).isEqualTo(Map.of("q", "out of time", "r", "out of time"));
        assertThat(r.candidate().get(0).samples()).hasSize(20);
        assertThat(r.candidate().get(1).samples()).hasSize(10);
        assertThat(clock.nanoTime()).isEqualTo((32 + 20 + 32) * MILLI);
    }

    @Test
    void countersComeAfterTheMeasuredPairsAndEachBenchmarkIsFinishedThenTheSides() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 4, 0));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 4, 0));

        InterleavedRun.Result r = run(a, b, NEVER, 100, 60_000);

        List<String> steps = log.stream().filter(e -> !e.what().equals("iteration")).map(e -> e.side() + " " + e.what())
                .toList();
        assertThat(steps).containsExactly("A ready", "B ready", "A counters " + SuiteRun.COUNTER_ITERATIONS,
                "B counters " + SuiteRun.COUNTER_ITERATIONS, "A finish", "B finish");
        assertThat(log.indexOf(log.stream().filter(e -> e.what().startsWith("counters")).findFirst().orElseThrow()))
                .isEqualTo(2 + 2 * 4);
        assertThat(r.base().get(0).counters()).isEqualTo(a.counters("q"));
        assertThat(r.candidate().get(0).counters()).isEqualTo(b.counters("q"));
        assertThat(a.calls()).containsExactly("finish");
        assertThat(b.calls()).containsExactly("finish");
    }

    @Test
    void aBenchmarkOnOneSideOnlyRunsAloneThereCandidateOrderFirst() {
        ScriptedSide a = side("A", 0.25, ScriptedSide.spec("gone", 5, 2), ScriptedSide.spec("both", 4, 1));
        ScriptedSide b = side("B", 0.5, ScriptedSide.spec("both", 4, 1), ScriptedSide.spec("new", 3, 2));

        InterleavedRun.Result r = run(a, b, ALWAYS, 4, 60_000);

        assertThat(r.base().stream().map(BenchmarkResult::name)).containsExactly("both", "gone");
        assertThat(r.candidate().stream().map(BenchmarkResult::name)).containsExactly("both", "new");
        assertThat(r.looks()).isEqualTo(Map.of("both", 1));
        assertThat(iterations("gone")).hasSize(2 + 5).allMatch(e -> e.side().equals("A"));
        assertThat(iterations("new")).hasSize(2 + 3).allMatch(e -> e.side().equals("B"));
        assertThat(r.base().get(1).samples()).hasSize(5);
        assertThat(r.candidate().get(1).samples()).hasSize(3);
        assertThat(r.base().get(1).counters()).isEqualTo(a.counters("gone"));
        assertThat(r.candidate().get(1).counters()).isEqualTo(b.counters("new"));
        List<Double> recorded = iterations("new").subList(2, 5).stream().map(e -> e.values().get("id") + 0.5).toList();
        assertThat(r.candidate().get(1).samples()).isEqualTo(recorded); // its warm-up was not recorded either
    }

    @Test
    void theAllocationSizesEachPassFromWhatAPairCostAndTheBenchmarksShareOfTheTimeLeft() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 10, 4), ScriptedSide.spec("r", 10, 4));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 10, 4), ScriptedSide.spec("r", 10, 4));
        List<String> calls = new ArrayList<>();
        InterleavedRun.Allocation allocation = new InterleavedRun.Allocation() {
            @Override
            public int firstPass(BenchmarkSpec benchmark, int perPass, double secondsPerPair, double secondsLeft) {
                calls.add(String.format(java.util.Locale.ROOT, "first %s %.3f %.3f", benchmark.name(), secondsPerPair,
                        secondsLeft));
                return benchmark.name().equals("q") ? 25 : 3; // fewer than the iterations: the iterations run
            }

            @Override
            public InterleavedRun.Step next(BenchmarkSpec benchmark, double[] base, double[] candidate, int looks,
                                            int firstPass, double secondsPerPair, double secondsLeft) {
                calls.add(String.format(java.util.Locale.ROOT, "next %s %d %d %d %.3f", benchmark.name(), base.length,
                        looks, firstPass, secondsPerPair));
                return looks == 1 && benchmark.name().equals("q") ? InterleavedRun.Step.more(7)
                        : InterleavedRun.Step.stop("reached");
            }

            @Override
            public Double target(BenchmarkSpec benchmark) {
                return benchmark.name().equals("q") ? 0.02 : null;
            }
        };

        // every iteration takes 1 ms on the scripted clock, so a pair 2 ms; the 1 s budget: q gets half of what is left
        // after its warm-up, r (the last) all that q left
        InterleavedRun.Result r = run(a, b, allocation, 1000);

        assertThat(calls).containsExactly("first q 0.002 0.496", "next q 25 1 25 0.002", "next q 32 2 25 0.002",
                "first r 0.002 0.920", "next r 10 1 10 0.002");
        assertThat(r.candidate().get(0).samples()).hasSize(32);
        assertThat(r.candidate().get(1).samples()).hasSize(10);
        assertThat(r.looks()).isEqualTo(Map.of("q", 2, "r", 1));
        assertThat(r.stops()).isEqualTo(Map.of("q", "reached", "r", "reached"));
        assertThat(r.targets()).isEqualTo(Map.of("q", 0.02));
    }

    @Test
    void aFailureAbandonsBothSidesAndIsThrown() {
        ScriptedSide a = side("A", 0, ScriptedSide.spec("q", 10, 6));
        ScriptedSide b = side("B", 0, ScriptedSide.spec("q", 10, 6));
        b.failAfter(9);

        assertThatThrownBy(() -> run(a, b, NEVER, 100, 60_000)).hasMessageContaining("B: scripted failure");

        assertThat(a.calls()).containsExactly("abandon");
        assertThat(b.calls()).containsExactly("abandon");
    }

    /**
     * A benchmark broken at the base (the change fixes it) does not stop the others: they are paired as ever, it is
     * measured on the candidate alone and named with the base's error; the base side is recovered, not abandoned.
     */
    @Test
    void aBenchmarkFailingAtTheBaseIsMeasuredOnTheCandidateAloneAndTheOthersArePaired() {
        ScriptedSide a = side("base", 0.25, ScriptedSide.spec("before", 6, 1), ScriptedSide.spec("broken", 6, 1),
                ScriptedSide.spec("after", 6, 1));
        ScriptedSide b = side("candidate", 0.5, ScriptedSide.spec("before", 6, 1), ScriptedSide.spec("broken", 6, 1),
                ScriptedSide.spec("after", 6, 1));
        a.breaks("broken");

        InterleavedRun.Result r = run(a, b, NEVER, 100, 60_000);

        assertThat(r.baseFailures()).containsOnlyKeys("broken");
        assertThat(r.baseFailures().get("broken"))
                .isEqualTo("broken.sql:2: ERROR: relation \"acounts\" does not exist (broken, base, iteration 1)");
        assertThat(r.base()).extracting(BenchmarkResult::name).containsExactly("before", "after");
        assertThat(r.candidate()).extracting(BenchmarkResult::name).containsExactly("before", "broken", "after");
        assertThat(r.candidate().get(1).samples()).as("measured alone, all its iterations").hasSize(6);
        assertThat(r.base().get(1).samples()).as("paired after the failure as before it").hasSize(6);
        assertThat(r.looks()).containsOnlyKeys("before", "after");
        assertThat(a.calls()).containsExactly("recover", "finish");
        assertThat(b.calls()).containsExactly("finish");
    }

    /** The same error on the candidate's side is the change's: the run fails with it, as before (exit 2). */
    @Test
    void aBenchmarkFailingOnTheCandidateStillFailsTheRun() {
        ScriptedSide a = side("base", 0, ScriptedSide.spec("broken", 6, 1), ScriptedSide.spec("after", 6, 1));
        ScriptedSide b = side("candidate", 0, ScriptedSide.spec("broken", 6, 1), ScriptedSide.spec("after", 6, 1));
        b.breaks("broken");

        assertThatThrownBy(() -> run(a, b, NEVER, 100, 60_000)).isInstanceOf(dev.perfgate.PerfgateException.class)
                .hasMessage("broken.sql:2: ERROR: relation \"acounts\" does not exist (broken, candidate, iteration 1)");
        assertThat(a.calls()).containsExactly("abandon");
        assertThat(b.calls()).containsExactly("abandon");
    }

    /** A base that cannot go on after its error (the connection is lost) fails the run with that error. */
    @Test
    void aBaseThatCannotRecoverFailsTheRunWithItsOwnError() {
        ScriptedSide a = side("base", 0, ScriptedSide.spec("broken", 6, 1), ScriptedSide.spec("after", 6, 1));
        ScriptedSide b = side("candidate", 0, ScriptedSide.spec("broken", 6, 1), ScriptedSide.spec("after", 6, 1));
        a.breaks("broken");
        a.unrecoverable();

        assertThatThrownBy(() -> run(a, b, NEVER, 100, 60_000)).isInstanceOf(dev.perfgate.PerfgateException.class)
                .hasMessageContaining("(broken, base, iteration 1)");
        assertThat(a.calls()).containsExactly("recover", "abandon");
    }

    /** A benchmark the candidate removed and the base cannot run is left out, named, and does not stop the run. */
    @Test
    void aRemovedBenchmarkFailingAtTheBaseIsNamedAndLeftOut() {
        ScriptedSide a = side("base", 0, ScriptedSide.spec("kept", 6, 1), ScriptedSide.spec("removed", 6, 1));
        ScriptedSide b = side("candidate", 0, ScriptedSide.spec("kept", 6, 1));
        a.breaks("removed");

        InterleavedRun.Result r = run(a, b, NEVER, 100, 60_000);

        assertThat(r.baseFailures()).containsOnlyKeys("removed");
        assertThat(r.base()).extracting(BenchmarkResult::name).containsExactly("kept");
    }
}
