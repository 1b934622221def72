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

    public long lowAt(int scale) {
        return lowPerScale ? low * scale : low;
    }

    public long highAt(int scale) {
        return highPerScale ? high * scale : high;
    }

    /** One draw for the given scale. */
    public long draw(SplittableRandom random, int scale) {
        long lo = lowAt(scale);
        long hi = highAt(scale);
        return lo == hi ? lo : random.nextLong(lo, hi + 1);
    }
}
