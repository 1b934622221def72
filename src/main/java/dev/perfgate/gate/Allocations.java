package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.analysis.PairAllocation;
import dev.perfgate.analysis.Policy;
import dev.perfgate.bench.InterleavedRun;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;

/**
 * The A/B run's pair allocation ({@link PairAllocation}) for each benchmark: its direction and sensitivity target
 * from its settings layered as they run (suite, benchmark file, command line), {@code --detect} over them all.
 */
final class Allocations implements InterleavedRun.Allocation {

    private final Settings suite;
    private final Settings overrides;
    private final int maxPairs;
    private final Double detect;
    private final Policy policy;
    private final double lookSeconds;

    /**
     * @param detect {@code --detect}; null for each benchmark's {@code detect=}, if any
     * @param quick      quick mode: a pass is the iterations, however cheap (rapid feedback, not sensitivity)
     * @param benchmarks how many benchmarks share {@link Defaults#LOOK_BUDGET}
     */
    Allocations(Settings suite, Settings overrides, int maxPairs, Double detect, Policy policy, boolean quick,
                int benchmarks) {
        this.suite = suite;
        this.overrides = overrides;
        this.maxPairs = maxPairs;
        this.detect = detect;
        this.policy = policy;
        this.lookSeconds = quick ? 0 : Math.min(Defaults.LOOK_TIME.toMillis(),
                Defaults.LOOK_BUDGET.toMillis() / (double) Math.max(1, benchmarks)) / 1000.0;
    }

    private Settings settings(BenchmarkSpec spec) {
        return suite.overriddenBy(spec.settings()).overriddenBy(overrides);
    }

    private PairAllocation of(BenchmarkSpec spec) {
        Settings s = settings(spec);
        return new PairAllocation(new PairAllocation.Plan(s.iterationsOrDefault(), maxPairs, lookSeconds, target(spec)),
                s.directionOrDefault(), policy);
    }

    @Override
    public Double target(BenchmarkSpec spec) {
        return detect != null ? detect : settings(spec).detect();
    }

    @Override
    public int firstPass(BenchmarkSpec spec, int perPass, double secondsPerPair, double secondsLeft) {
        return of(spec).firstPass(secondsPerPair, secondsLeft);
    }

    @Override
    public InterleavedRun.Step next(BenchmarkSpec spec, double[] base, double[] candidate, int looks, int firstPass,
                                    double secondsPerPair, double secondsLeft) {
        PairAllocation.Next next = of(spec).next(base, candidate, looks, firstPass, secondsPerPair, secondsLeft);
        return next.pairs() > 0 ? InterleavedRun.Step.more(next.pairs()) : InterleavedRun.Step.stop(next.stop().text());
    }
}
