package dev.perfgate.bench;

import dev.perfgate.suite.ParamSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded sequence of a benchmark's parameter values, one map per iteration: the same seed gives the same
 * sequence, so two runs (and the two sides of an A/B pair) measure the same rows.
 */
public final class ParamDraws {

    private final List<ParamSpec> params;
    private final SplittableRandom random;
    private final int scale;

    ParamDraws(List<ParamSpec> params, long seed, int scale) {
        this.params = params;
        this.random = new SplittableRandom(seed);
        this.scale = scale;
    }

    /** The values of the next iteration, by parameter name. */
    public Map<String, Long> next() {
        Map<String, Long> values = new HashMap<>();
        for (ParamSpec p : params) values.put(p.name(), p.draw(random, scale));
        return values;
    }
}
