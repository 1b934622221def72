package dev.perfgate.model;

/**
 * A {@code ChangeEstimate} is one benchmark's relative change in an A/B comparison as the history keeps it: the
 * paired point estimate and its interval, <b>positive = worse</b> whatever the benchmark's direction (0.132 is
 * 13.2 % worse). Kept so that later readers (the drift ledger, the pull request's budget line) can compose changes
 * without the samples.
 *
 * @param change the point estimate (paired Hodges-Lehmann ratio minus one, positive = worse)
 * @param low    the lower end of its interval, same scale
 * @param high   the upper end of its interval, same scale; NaN ends mean no interval
 */
public record ChangeEstimate(double change, double low, double high) {

    public ChangeEstimate {
        if (!Double.isFinite(change) || change <= -1) throw new IllegalArgumentException("change: " + change);
    }

    /** The change on the log scale, {@code ln(1 + change)}: changes in a row add up there. */
    public double logChange() {
        return Math.log1p(change);
    }

    /** Half the interval's width on the log scale; NaN without an interval. */
    public double logHalfWidth() {
        if (!(low > -1) || !(high > -1)) return Double.NaN;
        return (Math.log1p(high) - Math.log1p(low)) / 2;
    }
}
