package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A fixed pair of runs whose comparison shows every verdict, for the report golden files. */
public final class ComparisonFixtures {

    private ComparisonFixtures() {
    }

    public static ComparisonReport everyVerdict() {
        RunResult baseline = run(List.of(
                bench("steady", Direction.LOWER, 1.00, 0.05, 100, 1),
                bench("slower_30pct", Direction.LOWER, 2.00, 0.05, 100, 2),
                bench("slower_7pct", Direction.LOWER, 5.00, 0.02, 100, 3),
                bench("faster_20pct", Direction.LOWER, 3.00, 0.05, 100, 4),
                bench("noisy", Direction.LOWER, 1.00, 0.60, 100, 5),
                bench("speedup_drop", Direction.HIGHER, 2.30, 0.03, 100, 6),
                bench("<script>alert(1)</script>|**x**", Direction.LOWER, 1.00, 0.05, 100, 7),
                bench("removed", Direction.LOWER, 1.00, 0.05, 100, 8)));
        RunResult current = run(List.of(
                bench("steady", Direction.LOWER, 1.00, 0.05, 30, 11),
                bench("slower_30pct", Direction.LOWER, 2.60, 0.05, 30, 12),
                bench("slower_7pct", Direction.LOWER, 5.35, 0.02, 30, 13),
                bench("faster_20pct", Direction.LOWER, 2.40, 0.05, 30, 14),
                bench("noisy", Direction.LOWER, 1.05, 0.60, 30, 15),
                bench("speedup_drop", Direction.HIGHER, 1.80, 0.03, 30, 16),
                bench("<script>alert(1)</script>|**x**", Direction.LOWER, 1.00, 0.05, 30, 17),
                bench("added", Direction.LOWER, 1.00, 0.05, 30, 18)));
        return RegressionCheck.compare(baseline, current, Policy.DEFAULT);
    }

    private static RunResult run(List<BenchmarkResult> benchmarks) {
        Environment env = new Environment("0123456789abcdef", "test cpu", 2, 8L << 30, "Linux", "17", null);
        return new RunResult("fixture", Instant.parse("2026-11-26T13:00:00Z"), new GitInfo("abc123", "main", false), env,
                new RunSettings(benchmarks.get(0).samples().size(), 5, false, Map.of()), benchmarks);
    }

    /** Lognormal samples around {@code median} with log-sd {@code sigma}, rounded to 4 decimals; seeded. */
    private static BenchmarkResult bench(String name, Direction direction, double median, double sigma, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double z = gaussian(random);
            samples.add(Math.round(median * Math.exp(sigma * z) * 10_000) / 10_000.0);
        }
        return new BenchmarkResult(name, direction == Direction.HIGHER ? "x" : "ms", direction, samples);
    }

    /** Box-Muller, so the fixture depends on nothing but the JDK's seeded generator. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
