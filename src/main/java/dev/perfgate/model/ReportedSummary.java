package dev.perfgate.model;

/**
 * A {@code ReportedSummary} is what a legacy summary-only baseline knows of a benchmark: mean, standard
 * deviation, 95th percentile and sample count, all in the benchmark's unit. The raw samples are gone.
 *
 * @param p95 may be {@link Double#NaN} when the baseline did not record it
 */
public record ReportedSummary(double mean, double stddev, double p95, int n) {
}
