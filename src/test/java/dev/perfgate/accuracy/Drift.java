package dev.perfgate.accuracy;

import org.hipparchus.random.RandomDataGenerator;

/**
 * A {@code Drift} is how the machine's speed moves during a simulated A/B run: a factor that multiplies every
 * latency (before timer rounding), drawn for the whole run before it starts. Iterations run in pairs, and within a
 * pass half the pairs run A first and half B first, shuffled, as {@code bench.InterleavedRun} orders them; the order
 * matters only when the speed changes between the two sides of a pair.
 */
enum Drift {
    /**
     * A random walk of log speed, one Gaussian step per pair, reflected at ±ln 1.5 so the machine stays between
     * 1/1.5 and 1.5 times its starting speed; the step's spread, ln 1.5 / sqrt(max pairs), lets the walk cover that
     * range over a full run of confirmation passes. Both sides of a pair run at the pair's speed.
     */
    WALK("walk"),
    /**
     * The walk, and another job starting at a uniformly random iteration of the first pass: every iteration from
     * there on runs {@value #STEP} times slower. Half the time the step falls between the two sides of a pair, and
     * that one pair is not alike.
     */
    WALK_AND_STEP("walk + step");

    /** The slowdown of everything after the step (another job on a 2-core machine). */
    static final double STEP = 1.5;
    /** The walk's bound on log speed. */
    static final double BOUND = Math.log(1.5);

    final String label;

    Drift(String label) {
        this.label = label;
    }

    /**
     * The speed of each side of each pair in a run of at most {@code maxPairs} pairs.
     *
     * @param speedA pair i's A ran at {@code speedA[i]} (1 = the starting speed, 1.5 = everything 1.5x slower)
     * @param aFirst true when pair i ran A first
     */
    record Path(double[] speedA, double[] speedB, boolean[] aFirst) {
    }

    Path path(RandomDataGenerator rng, int maxPairs, int perPass) {
        double[] walk = walk(rng, maxPairs);
        boolean[] aFirst = new boolean[maxPairs];
        for (int start = 0; start < maxPairs; start += perPass) {
            boolean[] pass = balancedOrder(Math.min(perPass, maxPairs - start), rng);
            System.arraycopy(pass, 0, aFirst, start, pass.length);
        }
        double[] speedA = walk.clone();
        double[] speedB = walk.clone();
        if (this == WALK_AND_STEP) {
            int stepAt = rng.nextInt(2 * Math.min(perPass, maxPairs)); // iterations in run order: pair i is 2i, 2i + 1
            for (int i = 0; i < maxPairs; i++) {
                boolean aLater = !aFirst[i];
                if (2 * i + (aLater ? 1 : 0) >= stepAt) speedA[i] *= STEP;
                if (2 * i + (aLater ? 0 : 1) >= stepAt) speedB[i] *= STEP;
            }
        }
        return new Path(speedA, speedB, aFirst);
    }

    /** Speed per pair: exp of a Gaussian walk from 0, reflected into [-BOUND, BOUND]. */
    static double[] walk(RandomDataGenerator rng, int pairs) {
        double stepSigma = BOUND / Math.sqrt(pairs);
        double[] speed = new double[pairs];
        double log = 0;
        for (int i = 0; i < pairs; i++) {
            speed[i] = Math.exp(log);
            log += stepSigma * rng.nextGaussian();
            if (log > BOUND) log = 2 * BOUND - log;
            if (log < -BOUND) log = -2 * BOUND - log;
        }
        return speed;
    }

    /** {@code n} orders, half AB (true) and half BA, the odd one at random, shuffled (as InterleavedRun does). */
    static boolean[] balancedOrder(int n, RandomDataGenerator rng) {
        boolean[] order = new boolean[n];
        for (int i = 0; i < n / 2; i++) order[i] = true;
        if (n % 2 == 1) order[n - 1] = rng.nextInt(2) == 1;
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            boolean t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
