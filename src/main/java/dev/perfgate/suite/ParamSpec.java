package dev.perfgate.suite;

import java.util.SplittableRandom;

/**
 * A random integer parameter, {@code -- perfgate:param id = int(1, 1000*scale)}: each iteration draws a
 * value uniformly from [low, high] (inclusive) with the suite's seeded generator, so iterations don't all
 * hit the same cached row while two runs still draw the same sequence.
 *
 * @param lowPerScale  when true the bound is multiplied by the suite's scale
 */
public record ParamSpec(String name, long low, boolean lowPerScale, long high, boolean highPerScale) {

    /** The largest bound written {@code N*scale}: times any int scale it still fits in a long. */
    public static final long MAX_SCALED_BOUND = Long.MAX_VALUE / Integer.MAX_VALUE;

    public long lowAt(int scale) {
        return lowPerScale ? low * scale : low;
    }

    public long highAt(int scale) {
        return highPerScale ? high * scale : high;
    }

    /**
     * Refuses bounds that leave nothing to draw at this scale, e.g. {@code int(10*scale, 100)} at scale 20, naming
     * {@code file}; the reader checks the suite's own scale, the runner the final one ({@code --scale}).
     */
    public void requireValidAt(int scale, String file) {
        if (lowAt(scale) > highAt(scale)) {
            throw new SuiteException(file, 0, "parameter '" + name + "': low bound " + lowAt(scale)
                    + " is above the high bound " + highAt(scale) + (scale == 1 ? "" : " at scale " + scale)
                    + ": change the bounds so that low <= high");
        }
    }

    /** One draw for the given scale. */
    public long draw(SplittableRandom random, int scale) {
        long lo = lowAt(scale);
        long hi = highAt(scale);
        if (lo == hi) return lo;
        if (hi < Long.MAX_VALUE) return random.nextLong(lo, hi + 1);
        // hi + 1 would overflow: draw from [lo - 1, hi) and shift up by one instead
        return lo == Long.MIN_VALUE ? random.nextLong() : random.nextLong(lo - 1, hi) + 1;
    }
}
