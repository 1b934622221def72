package dev.perfgate.accuracy;

import java.util.Arrays;
import java.util.Map;

import org.hipparchus.random.RandomDataGenerator;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.PairAllocation;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;

/**
 * An {@code AbSimulation} plays one benchmark's same-session A/B run ({@code check --against}) on simulated latencies
 * and decides it with the product's own code: a first pass of {@link #PER_PASS} pairs, further passes as
 * {@link PairAllocation} gives them within {@link #MAX_PAIRS} (the loop of {@code bench.InterleavedRun}, without its
 * time budget, for a benchmark too dear for more pairs than its iterations in a pass: the confirmations' worst case),
 * then {@link RegressionCheck#comparePaired} on results whose
 * {@link AbInfo} carries the passes and the confirm flag, as {@code bench.AbRun} writes them. Beside it, the same
 * samples judged as two independent runs by {@link RegressionCheck#compare}: the first pass only (30 vs 30) and all
 * the pairs the paired run used.
 *
 * <p>A sample is the shape's own draw times the side's machine speed ({@link Drift}), B's also times 1 + slowdown;
 * each side draws its own noise, independently.
 */
final class AbSimulation {

    /** Pairs per pass: the default iterations. */
    static final int PER_PASS = 30;
    /** {@code --max-pairs}' default: 4 x iterations. */
    static final int MAX_PAIRS = 4 * PER_PASS;
    /** As {@code AbRun.Plan.confirming()}: the budget leaves room for a second pass, so each pass spends a share. */
    static final boolean CONFIRMING = MAX_PAIRS >= 2 * PER_PASS;

    private static final String NAME = "latency";
    private static final Policy POLICY = Policy.DEFAULT;

    private AbSimulation() {
    }

    /**
     * What one A/B run decided.
     *
     * @param pairs             pairs measured, all passes
     * @param unpairedFirstPass the first pass's samples judged unpaired (30 vs 30)
     * @param unpairedAllPairs  all {@code pairs} samples of each side judged unpaired
     * @param pairedFirst       the paired comparison of the first pass alone, at the full alpha
     * @param unpairedFirst     the unpaired comparison of the first pass, at the full alpha
     */
    record Outcome(Verdict paired, int pairs, Verdict unpairedFirstPass, Verdict unpairedAllPairs,
                   RelativeChange pairedFirst, RelativeChange unpairedFirst) {
    }

    static Outcome run(Shape shape, double slowdown, Drift drift, RandomDataGenerator rng) {
        Drift.Path speed = drift.path(rng, MAX_PAIRS, PER_PASS);
        double[] a = new double[MAX_PAIRS];
        double[] b = new double[MAX_PAIRS];
        PairAllocation allocation = new PairAllocation(new PairAllocation.Plan(PER_PASS, MAX_PAIRS, 0, null),
                Direction.LOWER, POLICY);
        int first = allocation.firstPass(0, Double.POSITIVE_INFINITY);
        int n = pass(shape, slowdown, speed, rng, a, b, 0, first);
        int looks = 1;
        while (true) {
            PairAllocation.Next next = allocation.next(Arrays.copyOf(a, n), Arrays.copyOf(b, n), looks, first, 0,
                    Double.POSITIVE_INFINITY);
            if (next.pairs() == 0) break;
            n = pass(shape, slowdown, speed, rng, a, b, n, next.pairs());
            looks++;
        }
        double[] base = Arrays.copyOf(a, n);
        double[] candidate = Arrays.copyOf(b, n);
        AbInfo ab = new AbInfo("simulated", AbInfo.CANDIDATE, null, null, Map.of(NAME, looks), CONFIRMING);
        Verdict paired = RegressionCheck.comparePaired(run(base).withAb(ab.as(AbInfo.BASE)), run(candidate).withAb(ab),
                POLICY).benchmarks().get(0).verdict();
        double[] firstA = Arrays.copyOf(a, PER_PASS);
        double[] firstB = Arrays.copyOf(b, PER_PASS);
        BenchmarkComparison firstPass = unpaired(firstA, firstB);
        Verdict all = n == PER_PASS ? firstPass.verdict() : unpaired(base, candidate).verdict();
        RelativeChange pairedFirst = Comparison.paired(new Sample(firstA), new Sample(firstB), 1 - POLICY.alpha())
                .change();
        RelativeChange unpairedFirst = firstPass.statistics().change();
        return new Outcome(paired, n, firstPass.verdict(), all, pairedFirst, unpairedFirst);
    }

    /** Measures a pass of {@code pairs} from index {@code from}; returns the pairs measured so far. */
    private static int pass(Shape shape, double slowdown, Drift.Path speed, RandomDataGenerator rng, double[] a,
                            double[] b, int from, int pairs) {
        for (int i = from; i < from + pairs; i++) {
            a[i] = shape.draw(rng, speed.speedA()[i], 1)[0];
            b[i] = shape.draw(rng, speed.speedB()[i] * (1 + slowdown), 1)[0];
        }
        return from + pairs;
    }

    private static BenchmarkComparison unpaired(double[] base, double[] candidate) {
        return RegressionCheck.compare(run(base), run(candidate), POLICY).benchmarks().get(0);
    }

    private static RunResult run(double[] samples) {
        return AccuracyBenchmark.run(samples);
    }
}
