package dev.perfgate.bench;

import dev.perfgate.Defaults;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.stats.Summary;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The A/B run mode: two versions of a suite, each set up in its own database (of one server, or of two), their
 * iterations interleaved in pairs. Within a pair both sides run the same parameter values back to back, so
 * whatever the machine does between pairs (another job starting, the CPU clocking down) touches both alike and
 * cancels in the pair's ratio. The order within a pair is AB or BA, half and half, shuffled with a seeded RNG
 * (as Chromium's Pinpoint does), so neither side always runs first on the warmer cache.
 *
 * <p>Measured on the demo suite: a side whose backend ran last (the pair before ended with it and this pair starts
 * with it) runs its first statement on warm CPU caches, about 10 % faster on a 0.1 ms statement than after the other
 * backend ran. Such "carry-over" pairs alternate between the sides, so it cancels for a time; but a ratio metric
 * times two parts in one iteration and only the first gets the advantage, so the order of the parts must not line
 * up with which side carries over: {@link PassOrder} balances it within each kind of pair.
 *
 * <p>How many pairs a benchmark gets is the {@link Allocation}'s to say, from what a pair costs (timed on the warm-up
 * pairs, then on each pass) and the benchmark's share of the time left: the first pass's size, then after each pass
 * whether another runs and how large; {@link Result#looks} counts the passes, which the verdict must account for,
 * and {@link Result#stops} why each benchmark got no more. Benchmarks run one after another, so the time budget is
 * shared as it goes: each may spend an equal share of what is left, and what a cheap one does not use passes on to
 * those after it.
 *
 * <p>A side is a {@link PairSide}: a suite set up in a database ({@link SuiteDatabase}), or in tests a scripted one.
 */
public final class InterleavedRun {

    /** Decides how many pairs a benchmark gets. Supplied by the caller (the analysis). */
    public interface Allocation {

        /**
         * The first pass's pairs (at least {@code perPass} run whatever this says).
         *
         * @param secondsPerPair what a warm-up pair cost, an upper bound of what a measured one will
         * @param secondsLeft    this benchmark's share of the time budget left
         */
        int firstPass(BenchmarkSpec benchmark, int perPass, double secondsPerPair, double secondsLeft);

        /**
         * After a pass: whether another runs, and how many pairs it has.
         *
         * @param base      A's samples so far, pair i at index i
         * @param candidate B's samples, same pairs
         * @param looks     passes so far (1 after the first)
         * @param firstPass the first pass's pairs
         */
        Step next(BenchmarkSpec benchmark, double[] base, double[] candidate, int looks, int firstPass,
                  double secondsPerPair, double secondsLeft);

        /** The "could detect" the benchmark is to reach, a fraction; null for none. */
        default Double target(BenchmarkSpec benchmark) {
            return null;
        }
    }

    /**
     * The next pass of a benchmark: {@code pairs} more, or none ({@code pairs == 0}) and why it stopped.
     *
     * @param stopped for people and the results file: "decided", "reached", "out of time", "out of pairs"
     */
    public record Step(int pairs, String stopped) {

        /** Why a pass could not start: the time budget was spent. */
        public static final String OUT_OF_TIME = "out of time";

        public static Step more(int pairs) {
            return new Step(pairs, null);
        }

        public static Step stop(String why) {
            return new Step(0, why);
        }
    }

    /**
     * Both sides' results, benchmarks in the candidate's order (then those only in the base), looks per benchmark,
     * the sensitivity targets and why each got no more pairs, and the benchmarks that failed on the base side (name
     * to perfgate's one-line error), each measured on the candidate alone, or not at all when the candidate does not
     * have it.
     */
    public record Result(List<BenchmarkResult> base, List<BenchmarkResult> candidate, Map<String, Integer> looks,
                         Map<String, Double> targets, Map<String, String> stops, Map<String, String> baseFailures) {
    }

    /** Salt of the order shuffle, so it is not the same stream as the parameter draws of the same seed. */
    private static final long ORDER_SALT = 0x5DEECE66DL;

    private final PairSide base;
    private final PairSide candidate;
    private final Progress progress;
    private final Allocation allocation;
    private final long deadlineNanos;
    private final LongSupplier nanoClock;

    /**
     * @param budgetMillis no pass after the first starts after this long from now (the first pass always runs)
     */
    public InterleavedRun(PairSide base, PairSide candidate, Progress progress, Allocation allocation,
                          long budgetMillis) {
        this(base, candidate, progress, allocation, budgetMillis, System::nanoTime);
    }

    /** As the public constructor, with time read from {@code nanoClock} (tests give a scripted one). */
    InterleavedRun(PairSide base, PairSide candidate, Progress progress, Allocation allocation, long budgetMillis,
                   LongSupplier nanoClock) {
        this.base = base;
        this.candidate = candidate;
        this.progress = progress;
        this.allocation = allocation;
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + budgetMillis * 1_000_000L;
    }

    /** Runs every benchmark; one present on one side only runs alone there (it is new or missing). */
    public Result run() {
        List<BenchmarkResult> a = new ArrayList<>();
        List<BenchmarkResult> b = new ArrayList<>();
        Map<String, Integer> looks = new LinkedHashMap<>();
        Map<String, String> stops = new LinkedHashMap<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, BenchmarkSpec> baseSpecs = new LinkedHashMap<>();
        for (BenchmarkSpec s : base.benchmarks()) baseSpecs.put(s.name(), s);
        int count = candidate.benchmarks().size();
        for (BenchmarkSpec s : base.benchmarks()) {
            if (candidate.benchmarks().stream().noneMatch(c -> c.name().equals(s.name()))) count++;
        }
        int index = 0;
        int all = count;
        try {
            for (BenchmarkSpec spec : candidate.benchmarks()) {
                BenchmarkSpec other = baseSpecs.remove(spec.name());
                index++;
                if (other == null) {
                    b.add(alone(candidate, spec, index, count));
                    continue;
                }
                int at = index;
                Pairs pairs = survive(spec.name(), failures, () -> pairs(other, spec, at, all));
                if (pairs == null) {
                    b.add(alone(candidate, spec, index, count));
                    continue;
                }
                a.add(pairs.base);
                b.add(pairs.candidate);
                looks.put(spec.name(), pairs.looks);
                stops.put(spec.name(), pairs.stopped);
                Double target = allocation.target(spec);
                if (target != null) targets.put(spec.name(), target);
            }
            for (BenchmarkSpec spec : baseSpecs.values()) {
                int at = ++index;
                BenchmarkResult only = survive(spec.name(), failures,
                        () -> BaseFailure.blame(() -> alone(base, spec, at, all)));
                if (only != null) a.add(only);
            }
        } catch (RuntimeException e) {
            base.abandon();
            candidate.abandon();
            throw e;
        }
        base.finish();
        candidate.finish();
        return new Result(a, b, looks, targets, stops, failures);
    }

    /**
     * {@code step}'s value, or null after a {@link BaseFailure} the base side recovered from: the failure is recorded
     * in {@code failures} (a benchmark both sides have is then measured on the candidate alone).
     */
    private <T> T survive(String name, Map<String, String> failures, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (BaseFailure f) {
            if (!base.recover()) throw f.error();
            failures.put(name, f.getMessage());
            progress.status(name + ": fails at the base, so it is not compared (" + f.getMessage() + ")");
            return null;
        }
    }

    private record Pairs(BenchmarkResult base, BenchmarkResult candidate, int looks, String stopped) {
    }

    /** The pairs of one benchmark; the base side's SQL errors come out as {@link BaseFailure}s. */
    private Pairs pairs(BenchmarkSpec baseSpec, BenchmarkSpec candidateSpec, int index, int count) {
        PairSide.Benchmark runA = BaseFailure.guard(BaseFailure.blame(() -> base.benchmark(baseSpec)));
        PairSide.Benchmark runB = candidate.benchmark(candidateSpec);
        try {
            return pairs(runA, runB, baseSpec, candidateSpec, index, count);
        } catch (BaseFailure f) {
            runB.finish(); // the candidate's benchmark is left as it would be after its last pair
            throw f;
        }
    }

    private Pairs pairs(PairSide.Benchmark runA, PairSide.Benchmark runB, BenchmarkSpec baseSpec,
                        BenchmarkSpec candidateSpec, int index, int count) {
        Settings s = runB.settings();
        int perPass = s.iterationsOrDefault();
        int warmup = Math.max(s.warmupOrDefault(), runA.settings().warmupOrDefault());
        ParamDraws drawsA = runA.draws();
        ParamDraws drawsB = runB.draws();
        SplittableRandom order = new SplittableRandom(s.seedOrDefault() ^ candidateSpec.name().hashCode() ^ ORDER_SALT);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        progress.benchmarkStarted(index, count, candidateSpec.name() + " (A/B)", warmup + perPass);
        // the first warm-up pairs plan the statements and warm the caches, up to 50 times a steady pair's cost: only
        // the second half of the warm-up is timed, still an upper bound of what a measured pair costs
        int timed = warmup / 2;
        PassOrder pass = PassOrder.next(warmup - timed, null, order);
        interleave(runA, runB, drawsA, drawsB, pass, null, null, 0, warmup + perPass);
        long started = nanoClock.getAsLong();
        if (timed > 0) {
            pass = PassOrder.next(timed, pass.last(), order);
            interleave(runA, runB, drawsA, drawsB, pass, null, null, warmup - timed, warmup + perPass);
        }
        double perPair = timed == 0 ? 0 : seconds(nanoClock.getAsLong() - started) / timed;
        int first = Math.max(perPass, allocation.firstPass(candidateSpec, perPass, perPair, share(index, count)));
        pass = PassOrder.next(first, pass.last(), order);
        started = nanoClock.getAsLong();
        interleave(runA, runB, drawsA, drawsB, pass, a, b, warmup, warmup + first);
        perPair = seconds(nanoClock.getAsLong() - started) / first;
        int looks = 1;
        String stopped;
        while (true) {
            if (nanoClock.getAsLong() >= deadlineNanos) {
                stopped = Step.OUT_OF_TIME;
                break;
            }
            Step step = allocation.next(candidateSpec, array(a), array(b), looks, first, perPair,
                    share(index, count));
            if (step.pairs() <= 0) {
                stopped = step.stopped();
                break;
            }
            progress.status(candidateSpec.name() + ": after " + a.size() + " pairs, running " + step.pairs()
                    + " more");
            pass = PassOrder.next(step.pairs(), pass.last(), order);
            started = nanoClock.getAsLong();
            interleave(runA, runB, drawsA, drawsB, pass, a, b, 0, step.pairs());
            perPair = seconds(nanoClock.getAsLong() - started) / step.pairs();
            looks++;
        }
        Counters countersA = runA.counters(SuiteRun.COUNTER_ITERATIONS, false);
        Counters countersB = runB.counters(SuiteRun.COUNTER_ITERATIONS, false);
        PairSide.Profiler profileA = countersA == null ? null : runA.profiler(Defaults.PROFILE_ITERATIONS);
        PairSide.Profiler profileB = countersB == null ? null : runB.profiler(Defaults.PROFILE_ITERATIONS);
        profile(profileA, profileB, runA.draws(), runB.draws(), Defaults.PROFILE_ITERATIONS);
        if (profileA != null) countersA = profileA.attach(countersA);
        if (profileB != null) countersB = profileB.attach(countersB);
        runA.finish();
        runB.finish();
        progress.benchmarkDone(candidateSpec.name() + " (A/B, " + a.size() + " pairs)",
                Summary.median(ratios(a, b)), "x B/A");
        return new Pairs(new BenchmarkResult(baseSpec.name(), runA.settings().unitOrDefault(),
                runA.settings().directionOrDefault(), a).withCounters(countersA),
                new BenchmarkResult(candidateSpec.name(), s.unitOrDefault(), s.directionOrDefault(), b)
                        .withCounters(countersB), looks, stopped);
    }

    /** This benchmark's share of the time budget left: an equal one among it and those after it. */
    private double share(int index, int count) {
        return Math.max(0, seconds(deadlineNanos - nanoClock.getAsLong())) / (count - index + 1);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * The profiled iterations of both sides, alternating which goes first, with the same parameters: a profile
     * taken one side after the other saw the machine change between the two blocks as a change of every statement
     * (measured: 7 of 50 unchanged benchmark comparisons named a share that way).
     */
    private static void profile(PairSide.Profiler a, PairSide.Profiler b, ParamDraws drawsA, ParamDraws drawsB,
                                int n) {
        for (int i = 0; i < n; i++) {
            Map<String, Long> valuesA = drawsA.next();
            Map<String, Long> valuesB = drawsB.next();
            PairSide.Profiler first = i % 2 == 0 ? a : b;
            PairSide.Profiler second = i % 2 == 0 ? b : a;
            if (first != null) first.step(i % 2 == 0 ? valuesA : valuesB);
            if (second != null) second.step(i % 2 == 0 ? valuesB : valuesA);
        }
    }

    /** Runs a pass of pairs in its order, adding the samples to {@code a} and {@code b} unless they are null. */
    private void interleave(PairSide.Benchmark runA, PairSide.Benchmark runB, ParamDraws drawsA, ParamDraws drawsB,
                            PassOrder pass, List<Double> a, List<Double> b, int doneBefore, int total) {
        for (int i = 0; i < pass.aFirst.length; i++) {
            Map<String, Long> valuesA = drawsA.next();
            Map<String, Long> valuesB = drawsB.next();
            boolean part = pass.partAFirst[i];
            double sampleA;
            double sampleB;
            if (pass.aFirst[i]) {
                sampleA = runA.iteration(valuesA, part);
                sampleB = runB.iteration(valuesB, part);
            } else {
                sampleB = runB.iteration(valuesB, part);
                sampleA = runA.iteration(valuesA, part);
            }
            if (a != null) {
                a.add(sampleA);
                b.add(sampleB);
            }
            progress.iterationDone(doneBefore + i + 1, total);
        }
    }

    /**
     * One pass's orders: which side runs first in each pair ({@code aFirst}: AB, else BA), and which part of a ratio
     * metric runs first on both sides of it. A pair is of one of three kinds: A carries over (the pair before ended
     * with A and this one starts with it), B carries over, or neither; within each kind half the pairs run part A
     * first, so the warm-cache advantage of the side that carries over falls on either part equally often.
     */
    record PassOrder(boolean[] aFirst, boolean[] partAFirst) {

        /** The next pass of {@code n} pairs; {@code previous} is the order of the pair before it, if any. */
        static PassOrder next(int n, Boolean previous, SplittableRandom random) {
            boolean[] aFirst = balancedOrder(n, random);
            int[] kind = new int[n];
            int[] count = new int[3];
            for (int i = 0; i < n; i++) {
                Boolean before = i == 0 ? previous : Boolean.valueOf(aFirst[i - 1]);
                // AB after BA: A ran last and runs first again; BA after AB: B does
                kind[i] = before == null || before == aFirst[i] ? 0 : aFirst[i] ? 1 : 2;
                count[kind[i]]++;
            }
            boolean[][] parts = new boolean[3][];
            for (int k = 0; k < 3; k++) parts[k] = balancedOrder(count[k], random);
            boolean[] partAFirst = new boolean[n];
            int[] used = new int[3];
            for (int i = 0; i < n; i++) partAFirst[i] = parts[kind[i]][used[kind[i]]++];
            return new PassOrder(aFirst, partAFirst);
        }

        /** The order of the pass's last pair, or null for an empty pass. */
        Boolean last() {
            return aFirst.length == 0 ? null : aFirst[aFirst.length - 1];
        }
    }

    /** {@code n} orders, half AB (true) and half BA (the odd one AB or BA at random), in a seeded random order. */
    static boolean[] balancedOrder(int n, SplittableRandom random) {
        boolean[] order = new boolean[n];
        for (int i = 0; i < n / 2; i++) order[i] = true;
        if (n % 2 == 1) order[n - 1] = random.nextBoolean();
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            boolean t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A benchmark present in one version only: warm-up and iterations on that side alone. */
    private BenchmarkResult alone(PairSide db, BenchmarkSpec spec, int index, int count) {
        PairSide.Benchmark run = db.benchmark(spec);
        Settings s = run.settings();
        ParamDraws draws = run.draws();
        int total = s.warmupOrDefault() + s.iterationsOrDefault();
        progress.benchmarkStarted(index, count, spec.name() + (db == base ? " (base only)" : " (candidate only)"),
                total);
        run.iterations(s.warmupOrDefault(), draws);
        double[] samples = run.iterations(s.iterationsOrDefault(), draws);
        progress.iterationDone(total, total);
        Counters counters = run.counters(SuiteRun.COUNTER_ITERATIONS);
        run.finish();
        progress.benchmarkDone(spec.name(), Summary.median(samples), s.unitOrDefault());
        List<Double> list = new ArrayList<>();
        for (double v : samples) list.add(v);
        return new BenchmarkResult(spec.name(), s.unitOrDefault(), s.directionOrDefault(), list).withCounters(counters);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ratios(List<Double> a, List<Double> b) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) r[i] = a.get(i) > 0 ? b.get(i) / a.get(i) : Double.NaN;
        return r;
    }
}
