package dev.perfgate.model;

import java.time.Instant;
import java.util.List;

/**
 * A {@code HistoryRow} is one run of the history reduced to what listing, plotting and change-point analysis need:
 * when, which commit, the verdict and, per benchmark, the median and spread of its samples. The raw samples are
 * left behind, so the rows of a long history fit in memory (100 benchmarks x 10,000 runs: about 100 MB).
 *
 * @param number  the run's position in the history, counting from 1
 * @param created when the run finished; {@code null} when its results did not say
 * @param verdict the check's overall verdict ({@code pass}, {@code warn}, {@code fail}); {@code null} without a
 *                baseline
 */
public record HistoryRow(long number, Instant created, String suite, GitInfo git, String verdict,
                         List<Point> benchmarks) {

    public HistoryRow {
        git = git == null ? GitInfo.UNKNOWN : git;
        benchmarks = List.copyOf(benchmarks);
    }

    /**
     * One benchmark in one run. Quantiles are in {@code unit} (type 7, as {@code stats.Summary}); they are
     * {@link Double#NaN} for a summary-only (legacy) benchmark, which has no samples.
     *
     * @param n             samples measured
     * @param lowerQuartile the 25th percentile, the bottom of the spread band
     * @param upperQuartile the 75th percentile
     * @param verdict       the check's verdict on this benchmark, e.g. {@code regression}; {@code null} if none
     * @param buffers       shared buffers (hits + reads) per counted iteration; NaN when not counted
     * @param rows          rows the measured statements returned or changed per counted iteration; NaN when not
     *                      counted
     */
    public record Point(String name, String unit, Direction direction, int n, double median, double lowerQuartile,
                       double upperQuartile, String verdict, double buffers, double rows) {

        public Point(String name, String unit, Direction direction, int n, double median, double lowerQuartile,
                     double upperQuartile, String verdict, double buffers) {
            this(name, unit, direction, n, median, lowerQuartile, upperQuartile, verdict, buffers, Double.NaN);
        }

        public Point(String name, String unit, Direction direction, int n, double median, double lowerQuartile,
                     double upperQuartile, String verdict) {
            this(name, unit, direction, n, median, lowerQuartile, upperQuartile, verdict, Double.NaN);
        }
    }
}
