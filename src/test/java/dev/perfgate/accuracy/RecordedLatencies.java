package dev.perfgate.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.random.RandomDataGenerator;

import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

/**
 * A {@code RecordedLatencies} is one benchmark's samples as {@code perfgate run} measured them on the development
 * machine (one run, one embedded server), kept as a test resource so that accuracy benchmarks can resample real,
 * right-skewed latencies. The files are {@code accuracy/<benchmark>-<recording>.txt} on the class path
 * ({@code src/test/resources}), listed in {@code accuracy/index.txt} and written by
 * {@code scripts/record-latencies.sh}: {@code #} comment lines saying how, when and where the series was
 * recorded, then one sample in milliseconds per line, in run order.
 *
 * @param name          the file name without {@code .txt}, e.g. {@code single_row_update-1}
 * @param provenance    the file's comment lines without the {@code #}, joined by newlines
 * @param samplesMillis the samples in milliseconds, in run order; at least one, all positive and finite
 */
record RecordedLatencies(String name, String provenance, double[] samplesMillis) {

    static final String FOLDER = "accuracy/";

    RecordedLatencies {
        samplesMillis = samplesMillis.clone();
        if (samplesMillis.length == 0) throw new IllegalArgumentException(name + ": no samples");
        for (double v : samplesMillis) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + ": sample " + v);
        }
    }

    /** Every recording listed in {@code accuracy/index.txt}, in its order. */
    static List<RecordedLatencies> all() {
        return lines(FOLDER + "index.txt").stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> load(line.strip()))
                .toList();
    }

    /** The recordings of one benchmark (e.g. {@code cascade_10_entities}), in index order. */
    static List<RecordedLatencies> of(String benchmark) {
        return all().stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    /** The recording {@code accuracy/<name>.txt}. */
    static RecordedLatencies load(String name) {
        return parse(name, lines(FOLDER + name + ".txt"));
    }

    /** A recording from a file's lines; a line that is not a comment, blank or a number is an error. */
    static RecordedLatencies parse(String name, List<String> lines) {
        List<String> comments = new ArrayList<>();
        double[] values = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isEmpty()) {
                try {
                    values[n++] = Double.parseDouble(line);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + ": not a number: " + line, e);
                }
            }
        }
        return new RecordedLatencies(name, String.join("\n", comments), Arrays.copyOf(values, n));
    }

    /** The benchmark's name: the file name up to its last {@code -}. */
    String benchmark() {
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    /** A copy of the samples, in run order. */
    @Override
    public double[] samplesMillis() {
        return samplesMillis.clone();
    }

    int size() {
        return samplesMillis.length;
    }

    /** {@code n} samples drawn uniformly with replacement, each multiplied by {@code factor}. */
    double[] resample(RandomDataGenerator rng, double factor, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = factor * samplesMillis[rng.nextInt(samplesMillis.length)];
        return out;
    }

    /** Median, p95 and the rest of the samples, in milliseconds. */
    Summary summary() {
        return Summary.of(new Sample(samplesMillis));
    }

    private static List<String> lines(String resource) {
        InputStream in = RecordedLatencies.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalArgumentException("no resource " + resource + " on the class path");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
