package dev.perfgate.analysis;

import dev.perfgate.model.Direction;
import dev.perfgate.stats.RelativeChange;

/**
 * {@code Worse} is the one place that decides "positive means worse": a change {@code current / baseline - 1} is
 * kept as it is for a lower-is-better metric (latency: 1.3 ms after 1 ms is {@code +0.30}) and negated, its
 * interval's ends swapped, for a higher-is-better one (a speedup of 2.0 after 2.3 is {@code +0.13}). Turning a
 * change twice gives it back, which is how a positive-is-worse change is turned back into a ratio's change.
 */
public final class Worse {

    private Worse() {
    }

    /** {@code change} (of the ratio current / baseline) as positive = worse for a metric where {@code direction} is better. */
    public static RelativeChange positive(RelativeChange change, Direction direction) {
        if (direction != Direction.HIGHER) return change;
        return new RelativeChange(-change.estimate(), -change.high(), -change.low(), change.confidence());
    }

    /** The change {@code after / before - 1} as positive = worse, without an interval. */
    public static double positive(double change, Direction direction) {
        return positive(new RelativeChange(change, Double.NaN, Double.NaN, Double.NaN), direction).estimate();
    }
}
