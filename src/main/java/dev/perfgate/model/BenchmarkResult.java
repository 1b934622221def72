package dev.perfgate.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@code BenchmarkResult} is one benchmark's measurements in one run.
 *
 * @param name      unique within its run
 * @param unit      unit of every sample, e.g. {@code "ms"} or {@code "x"}
 * @param direction which way is better
 * @param samples   raw measurements in {@code unit}, in the order they were taken (drift detection needs it);
 *                  empty only for a legacy summary-only baseline
 * @param reported  the summary a legacy baseline carries instead of samples; {@code null} when samples exist
 * @param counters  what PostgreSQL counted for the measured statements; {@code null} when not counted
 * @param count     true when the samples are exact counts (e.g. JMH's bytes allocated per operation), judged by a
 *                  tolerance rather than by statistics: they do not scatter, and 0 to 4,096 is a regression
 */
public record BenchmarkResult(String name, String unit, Direction direction, List<Double> samples,
                              ReportedSummary reported, Counters counters, boolean count) {

    public static final String DEFAULT_UNIT = "ms";

    public BenchmarkResult {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? DEFAULT_UNIT : unit;
        direction = direction == null ? Direction.LOWER : direction;
        samples = List.copyOf(samples);
    }

    public BenchmarkResult(String name, String unit, Direction direction, List<Double> samples) {
        this(name, unit, direction, samples, null, null, false);
    }

    public BenchmarkResult(String name, String unit, Direction direction, List<Double> samples,
                           ReportedSummary reported) {
        this(name, unit, direction, samples, reported, null, false);
    }

    /** This result with what PostgreSQL counted. */
    public BenchmarkResult withCounters(Counters c) {
        return new BenchmarkResult(name, unit, direction, samples, reported, c, count);
    }

    /** True when only a summary (legacy baseline) is known, not the raw samples. */
    public boolean summaryOnly() {
        return samples.isEmpty() && reported != null;
    }

    /** The samples as a primitive array, for the statistics package. */
    public double[] sampleArray() {
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) values[i] = samples.get(i);
        return values;
    }
}
