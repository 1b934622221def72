package dev.perfgate.reliability;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.results.ResultsJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic history for load tests: RUNS lines of {@code perfgate-results/1} (each with a {@code check}
 * key, as {@code check} appends them), BENCHMARKS benchmarks of 30 lognormal samples each, one run every 10 minutes,
 * and a persistent 20 % slowdown of benchmark {@code b1} from run RUNS * 0.6 on, for {@code history analyze} to find.
 * <pre>
 * mvn -q -o test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/test-cp.txt) \
 *   dev.perfgate.reliability.HistoryLoad /tmp/history-100k.jsonl 100000 3
 * /usr/bin/time -f "%e s %M KB" java -jar target/perfgate.jar history analyze --history /tmp/history-100k.jsonl
 * </pre>
 */
public final class HistoryLoad {

    static final int SAMPLES = 30;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private HistoryLoad() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "history-load.jsonl");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int benchmarks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long start = System.nanoTime();
        write(file, runs, benchmarks);
        System.out.printf(Locale.ROOT, "%s: %d runs x %d benchmarks, %.0f MB in %.1f s%n", file, runs, benchmarks,
                Files.size(file) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** The first run of the shift in {@code b1}: its 1-based run number is this plus one. */
    static int shiftAt(int runs) {
        return (int) (runs * 0.6);
    }

    static void write(Path file, int runs, int benchmarks) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        Environment env = new Environment("load0fingerprint", "Load Test CPU", 2, 8L << 30, "Linux", "Java 17", null);
        RunSettings settings = new RunSettings(SAMPLES, 6, false, Map.of());
        HexFormat hex = HexFormat.of();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < runs; i++) {
                List<BenchmarkResult> results = new ArrayList<>(benchmarks);
                StringBuilder verdicts = new StringBuilder();
                for (int b = 0; b < benchmarks; b++) {
                    double median = (b + 1) * (b == 1 && i >= shiftAt(runs) ? 1.2 : 1.0);
                    List<Double> samples = new ArrayList<>(SAMPLES);
                    for (int s = 0; s < SAMPLES; s++) {
                        samples.add(Math.round(median * Math.exp(0.1 * gaussian(random)) * 1e4) / 1e4);
                    }
                    results.add(new BenchmarkResult("b" + b, "ms", Direction.LOWER, samples));
                    verdicts.append(b == 0 ? "" : ",").append("\"b").append(b).append("\":\"ok\"");
                }
                String commit = hex.toHexDigits((long) i * 0x9E3779B97F4A7C15L) + hex.toHexDigits((long) i)
                        + hex.toHexDigits(i);
                RunResult run = new RunResult("load", START.plus(Duration.ofMinutes(10L * i)),
                        new GitInfo(commit, "main", false), env, settings, results);
                String line = ResultsJson.toJsonLine(run);
                out.write(line, 0, line.length() - 1);
                out.write(",\"check\":{\"verdict\":\"pass\",\"benchmarks\":{" + verdicts + "}}}\n");
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
