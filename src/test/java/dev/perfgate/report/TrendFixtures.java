package dev.perfgate.report;

import dev.perfgate.history.TrendPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.model.Direction;

/** Seeded synthetic trend series for the chart and page tests. */
final class TrendFixtures {

    static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

    private TrendFixtures() {
    }

    /** {@code n} runs around {@code median} (lognormal, 3 %), every 7th run flagged a regression, 20 min apart. */
    static List<TrendPoint> runs(int n, double median, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrendPoint> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double m = median * Math.exp(0.03 * (random.nextDouble() - 0.5));
            runs.add(new TrendPoint(START.plusSeconds(1200L * i), commit(i), m, m * 0.97, m * 1.04,
                    i % 7 == 3 ? "regression" : "ok"));
        }
        return runs;
    }

    static String commit(int run) {
        return String.format(Locale.ROOT, "%07x", 0x3f2a9c1 + run) + "d".repeat(33);
    }

    static ChangePoint changePoint(int index, double change) {
        return new ChangePoint(index, commit(index), change, 1.2, 1.2 * (1 + change), 1e-6);
    }

    static TrendSeries series(String name, int n) {
        List<ChangePoint> cps = n > 10 ? List.of(changePoint(n / 2, 0.081)) : List.of();
        return new TrendSeries(name, "ms", Direction.LOWER, runs(n, 1.2, n), 1.21, cps);
    }
}
