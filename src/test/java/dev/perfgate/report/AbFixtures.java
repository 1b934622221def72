package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed same-session A/B run (base and candidate of one {@link AbInfo} session) and its paired comparison, for the
 * A/B golden files. Built only from the model records and {@link RegressionCheck#comparePaired}, so the goldens seal
 * what users script against, not how the analysis package happens to be split.
 */
public final class AbFixtures {

    /** Pairs per pass, as the demo suite's 40 iterations give. */
    static final int PASS = 40;

    private AbFixtures() {
    }

    /** One benchmark of the fixture: its level on each side and how many passes of pairs it ran. */
    private record Spec(String name, Direction direction, double base, double candidate, double sigma, int looks,
                        long seed) {
    }

    private static final List<Spec> BOTH = List.of(
            // 30 % slower over two passes: established at the stricter level its second look allows
            new Spec("slowed_30pct", Direction.LOWER, 1.00, 1.30, 0.03, 2, 1),
            // no change: ok after one pass
            new Spec("steady", Direction.LOWER, 2.00, 2.00, 0.03, 1, 2),
            // a higher-is-better ratio that rose by 20 %: an improvement
            new Spec("speedup_ratio", Direction.HIGHER, 2.00, 2.40, 0.03, 1, 3),
            // 30 % slower on the first pass, decisively: it fails at the first look's share, with no second pass
            new Spec("first_pass_decisive", Direction.LOWER, 0.50, 0.65, 0.03, 1, 4));

    /** The paired comparison of the fixture's base and candidate under the default policy. */
    public static ComparisonReport comparison() {
        return RegressionCheck.comparePaired(base(), candidate(), Policy.DEFAULT);
    }

    /** The session both sides share: what ran as A and B, and each benchmark's passes. */
    static AbInfo session() {
        Map<String, Integer> looks = new LinkedHashMap<>();
        for (Spec s : BOTH) looks.put(s.name(), s.looks());
        // steady reached its target; the ratio ran out of time short of its own
        Map<String, Double> detect = Map.of("steady", 0.05, "speedup_ratio", 0.01);
        Map<String, String> stops = new LinkedHashMap<>();
        for (Spec s : BOTH) stops.put(s.name(), "decided");
        stops.put("steady", "reached");
        stops.put("speedup_ratio", "out of time");
        return new AbInfo("5e55100a", AbInfo.CANDIDATE,
                new AbInfo.Version("git", "HEAD~1", "0123456789abcdef0123456789abcdef01234567", "bench/tviews", null),
                new AbInfo.Version("worktree", null, "fedcba9876543210fedcba9876543210fedcba98", "bench/tviews", true),
                looks, true, detect, stops);
    }

    /** Side A: every shared benchmark, and one the candidate removed. */
    static RunResult base() {
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (Spec s : BOTH) benchmarks.add(bench(s, s.base(), false));
        benchmarks.add(bench(new Spec("removed", Direction.LOWER, 1.0, 1.0, 0.03, 1, 5), 1.0, false));
        return run(benchmarks).withAb(session().as(AbInfo.BASE));
    }

    /** Side B: every shared benchmark, and one only the candidate has. */
    static RunResult candidate() {
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (Spec s : BOTH) benchmarks.add(bench(s, s.candidate(), true));
        benchmarks.add(bench(new Spec("added", Direction.LOWER, 1.0, 1.0, 0.03, 1, 6), 1.0, true));
        return run(benchmarks).withAb(session());
    }

    private static RunResult run(List<BenchmarkResult> benchmarks) {
        Environment env = new Environment("0123456789abcdef", "test cpu", 2, 8L << 30, "Linux", "17", null);
        return new RunResult("tviews", Instant.parse("2026-12-01T09:00:00Z"), new GitInfo("fedcba98", "feature", true),
                env, new RunSettings(PASS, 6, false, Map.of()), benchmarks);
    }

    /**
     * {@code looks * PASS} samples around {@code level}: pair i shares a drift factor on both sides (seeded by the
     * benchmark), each side adds its own noise (seeded by benchmark and side), rounded to 4 decimals. The shared
     * drift is what pairing cancels.
     */
    private static BenchmarkResult bench(Spec s, double level, boolean candidateSide) {
        SplittableRandom drift = new SplittableRandom(s.seed());
        SplittableRandom own = new SplittableRandom(s.seed() * 1000 + (candidateSide ? 1 : 0));
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < s.looks() * PASS; i++) {
            double shared = Math.exp(0.10 * gaussian(drift));
            double value = level * shared * Math.exp(s.sigma() * gaussian(own));
            samples.add(Math.round(value * 10_000) / 10_000.0);
        }
        return new BenchmarkResult(s.name(), s.direction() == Direction.HIGHER ? "x" : "ms", s.direction(), samples);
    }

    /** Box-Muller, so the fixture depends on nothing but the JDK's seeded generator. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
