package dev.perfgate.history;

import java.time.Instant;
import java.util.Arrays;

import dev.perfgate.stats.Summary;

/**
 * A {@code TrendPoint} is one run of one benchmark on a trend chart.
 *
 * @param time       when the run was made, or {@code null} when its results file has no {@code created} date (only
 *                   format, names and samples are required)
 * @param commit     the commit it measured, or {@code null}
 * @param median     median of the run's samples, in the series' unit; NaN is not drawn
 * @param spreadLow  25th percentile of the run's samples (the band is the interquartile range, which a few
 *                   stalls do not blow up the way min-max would); NaN: no band at this run
 * @param spreadHigh 75th percentile of the run's samples; NaN: no band at this run
 * @param verdict    the run's verdict name (e.g. {@code "regression"}, {@code "ok"}), or {@code null}
 * @param buffers    shared buffers (hits + reads) per counted iteration; NaN when the run counted none
 * @param rows       rows per counted iteration; NaN when the run counted none
 */
public record TrendPoint(Instant time, String commit, double median, double spreadLow, double spreadHigh,
                         String verdict, double buffers, double rows) {

    public TrendPoint(Instant time, String commit, double median, double spreadLow, double spreadHigh,
                      String verdict, double buffers) {
        this(time, commit, median, spreadLow, spreadHigh, verdict, buffers, Double.NaN);
    }

    public TrendPoint(Instant time, String commit, double median, double spreadLow, double spreadHigh,
                      String verdict) {
        this(time, commit, median, spreadLow, spreadHigh, verdict, Double.NaN, Double.NaN);
    }

    /** The point of a run from its raw samples: median and interquartile range (type-7 quantiles). */
    public static TrendPoint ofSamples(Instant time, String commit, double[] samples, String verdict) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new TrendPoint(time, commit, Summary.quantile(sorted, 0.5), Summary.quantile(sorted, 0.25),
                Summary.quantile(sorted, 0.75), verdict);
    }

    /** True when the run's verdict is a regression (any case). */
    public boolean isRegression() {
        return "regression".equalsIgnoreCase(verdict);
    }

    /** True when both ends of the band are known. */
    public boolean hasSpread() {
        return Double.isFinite(spreadLow) && Double.isFinite(spreadHigh);
    }
}
