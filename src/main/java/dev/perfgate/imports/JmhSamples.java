package dev.perfgate.imports;

import dev.perfgate.json.Fields;

import dev.perfgate.json.Where;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The samples of one JMH metric: every iteration of every fork from {@code rawData}, or in sample mode the
 * timings of {@code rawDataHistogram} expanded ({@code value} repeated {@code count} times).
 *
 * <p>A histogram has no time order within an iteration, and expanding it sorted would look like every iteration
 * drifts upward; so each iteration's values are shuffled with a fixed seed (its index), and iterations stay in
 * run order, where a real drift shows. Over {@link Thinning#MAX_SAMPLES} timings, evenly spaced ranks of the
 * whole run are kept ({@code floor((j + 1/2) * total / MAX)}), so each iteration keeps its share of quantiles.
 *
 * @param samples  in the metric's unit, finite and non-negative
 * @param recorded how many values the file holds (more than {@code samples} when thinned)
 */
record JmhSamples(List<Double> samples, long recorded) {

    // Counts are kept in doubles (exact to 2^53); no real run samples a trillion times.
    private static final long MAX_COUNT = 1L << 52;
    private static final String RERUN = "remove it or re-run the benchmark: a failed measurement cannot be compared";

    /** The metric's samples, or {@code null} when it has no raw data (only a score, as older JMH files). */
    static JmhSamples read(Fields in, JsonNode metric, Where at) {
        JsonNode histogram = Fields.get(metric, "rawDataHistogram");
        if (histogram != null) return histogram(in, histogram, at.field("rawDataHistogram"));
        JsonNode raw = Fields.get(metric, "rawData");
        return raw == null ? null : raw(in, raw, at.field("rawData"));
    }

    private static JmhSamples raw(Fields in, JsonNode raw, Where at) {
        List<Double> values = new ArrayList<>();
        array(in, raw, at, "forks");
        for (int f = 0; f < raw.size(); f++) {
            Where forkAt = at.index(f);
            JsonNode fork = array(in, raw.get(f), forkAt, "iterations");
            for (int i = 0; i < fork.size(); i++) values.add(value(in, fork.get(i), forkAt.index(i)));
        }
        if (values.isEmpty()) return null;
        double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new JmhSamples(Thinning.evenly(all, all.length), all.length);
    }

    private static JmhSamples histogram(Fields in, JsonNode forks, Where at) {
        List<double[][]> iterations = new ArrayList<>(); // per iteration: {values}, {counts}, sorted by value
        long total = 0;
        array(in, forks, at, "forks");
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = array(in, forks.get(f), at.index(f), "iterations");
            for (int i = 0; i < fork.size(); i++) {
                double[][] bins = bins(in, fork.get(i), at.index(f).index(i));
                for (double count : bins[1]) {
                    total += (long) count; // each count is at most 2^52, so this cannot overflow before the check
                    if (total > MAX_COUNT) {
                        throw in.fail(at.index(f).index(i), "histogram counts add up to more than 2^52",
                                "check that this is JMH's output");
                    }
                }
                iterations.add(bins);
            }
        }
        if (total == 0) return null;
        return new JmhSamples(select(iterations, total), total);
    }

    /** The values at evenly spaced global ranks, shuffled within each iteration. */
    private static List<Double> select(List<double[][]> iterations, long total) {
        int keep = (int) Math.min(total, Thinning.MAX_SAMPLES);
        List<Double> out = new ArrayList<>(keep);
        int j = 0;
        long start = 0; // global rank of the iteration's first value
        for (int it = 0; it < iterations.size(); it++) {
            double[] values = iterations.get(it)[0];
            double[] counts = iterations.get(it)[1];
            long end = start + size(counts);
            List<Double> chosen = new ArrayList<>();
            long binEnd = start;
            int bin = -1;
            for (; j < keep; j++) {
                long rank = rank(j, total, keep);
                if (rank >= end) break;
                while (rank >= binEnd) binEnd += (long) counts[++bin];
                chosen.add(values[bin]);
            }
            Collections.shuffle(chosen, new Random(it));
            out.addAll(chosen);
            start = end;
        }
        return out;
    }

    private static long rank(int j, long total, int keep) {
        if (total <= keep) return j;
        return Math.min(total - 1, (long) ((j + 0.5) * total / keep));
    }

    private static long size(double[] counts) {
        long n = 0;
        for (double c : counts) n += (long) c;
        return n;
    }

    /** One iteration's {@code [[value, count], ...]} as {values}, {counts}, sorted by value. */
    private static double[][] bins(Fields in, JsonNode node, Where at) {
        array(in, node, at, "[value, count] pairs");
        double[][] pairs = new double[node.size()][];
        for (int b = 0; b < node.size(); b++) {
            JsonNode pair = node.get(b);
            Where pairAt = at.index(b);
            if (!pair.isArray() || pair.size() != 2) {
                throw in.wrongType(pairAt, pair, "a [value, count] pair", "check that this is JMH's output");
            }
            JsonNode count = pair.get(1);
            if (!count.isIntegralNumber() || !count.canConvertToLong() || count.longValue() < 0
                    || count.longValue() > MAX_COUNT) {
                throw in.wrongType(pairAt.index(1), count, "a whole number count", "check that this is JMH's output");
            }
            pairs[b] = new double[] {value(in, pair.get(0), pairAt.index(0)), count.longValue()};
        }
        Arrays.sort(pairs, Comparator.comparingDouble(p -> p[0]));
        double[][] out = new double[2][pairs.length];
        for (int b = 0; b < pairs.length; b++) {
            out[0][b] = pairs[b][0];
            out[1][b] = pairs[b][1];
        }
        return out;
    }

    private static JsonNode array(Fields in, JsonNode node, Where at, String of) {
        if (node == null || !node.isArray()) {
            throw in.wrongType(at, node, "an array of " + of, "check that this is JMH's output");
        }
        return node;
    }

    private static double value(Fields in, JsonNode node, Where at) {
        if (!JmhNumbers.isNumber(node)) throw in.wrongType(at, node, "a number", "check that this is JMH's output");
        double v = JmhNumbers.number(node);
        if (Double.isNaN(v)) throw in.fail(at, "value is NaN (not a number)", RERUN);
        if (Double.isInfinite(v)) throw in.fail(at, "value is infinite", RERUN);
        if (v < 0) throw in.fail(at, "value is negative (" + node.asText() + ")", "measurements cannot be below zero: "
                + RERUN);
        return v;
    }
}
