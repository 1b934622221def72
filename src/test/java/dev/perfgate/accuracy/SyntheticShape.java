package dev.perfgate.accuracy;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Synthetic latency distributions of the kind a PostgreSQL workload shows, in milliseconds, each with a median
 * near 1 ms. A slowdown multiplies the underlying time by {@code factor} (before any timer rounding).
 */
enum SyntheticShape implements Shape {
    /** A quiet, warmed-up statement: lognormal, sigma 0.05 (about 5 % spread). */
    TIGHT_LOGNORMAL("tight lognormal (sigma 0.05)") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            return factor * Math.exp(0.05 * rng.nextGaussian());
        }
    },
    /** A busy statement on a shared runner: lognormal, sigma 0.15. */
    MEDIUM_LOGNORMAL("medium lognormal (sigma 0.15)") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            return factor * Math.exp(0.15 * rng.nextGaussian());
        }
    },
    /**
     * A noisy shared CI runner: lognormal, sigma 0.25 (the 84th percentile is 1.28x the median), the widest at
     * which 100 vs 30 samples can still separate "+5 %" from "+30 %" as the spec asks (see {@link #VERY_WIDE}).
     */
    WIDE_LOGNORMAL("wide lognormal (sigma 0.25)") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            return factor * Math.exp(0.25 * rng.nextGaussian());
        }
    },
    /**
     * Beyond what 30 samples can decide: lognormal sigma 0.5. Even a z-test on known-normal logs, held to 5 %
     * failures at a true +5 %, catches a true +30 % in only about 66 % of runs; shown to make that limit visible.
     */
    VERY_WIDE("very wide lognormal (sigma 0.5)") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            return factor * Math.exp(0.5 * rng.nextGaussian());
        }
    },
    /** Lognormal sigma 0.1 with 3 % stalls (checkpoint, autovacuum, GC) 5-30x slower. */
    STALLS("lognormal 0.1 + 3 % stalls 5-30x") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            double base = Math.exp(0.1 * rng.nextGaussian());
            double stall = rng.nextDouble() < 0.03 ? rng.nextUniform(5, 30) : 1;
            return factor * base * stall;
        }
    },
    /** Cache hit/miss: 70 % around 1 ms, 30 % around 5 ms, each lognormal sigma 0.05. */
    BIMODAL("bimodal 70 % 1 ms / 30 % 5 ms") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            double mode = rng.nextDouble() < 0.7 ? 1 : 5;
            return factor * mode * Math.exp(0.05 * rng.nextGaussian());
        }
    },
    /** A fixed service time plus a queueing tail: 0.8 ms + gamma(shape 2, scale 0.1), right-skewed. */
    GAMMA_TAIL("0.8 ms + gamma(2, 0.1) tail") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            return factor * (0.8 + rng.nextGamma(2, 0.1));
        }
    },
    /** A fast statement timed with a coarse clock: lognormal sigma 0.05 around 0.2 ms, rounded to 0.01 ms. */
    TIMER_RESOLUTION("0.2 ms lognormal 0.05, 0.01 ms ticks") {
        @Override
        double draw(RandomDataGenerator rng, double factor) {
            double exact = factor * 0.2 * Math.exp(0.05 * rng.nextGaussian());
            return Math.max(0.01, Math.round(exact * 100) / 100.0);
        }
    };

    private final String label;

    SyntheticShape(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    abstract double draw(RandomDataGenerator rng, double factor);

    @Override
    public double[] draw(RandomDataGenerator rng, double factor, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = draw(rng, factor);
        return values;
    }
}
