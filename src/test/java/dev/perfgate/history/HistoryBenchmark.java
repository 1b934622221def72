package dev.perfgate.history;

import dev.perfgate.TestPostgres;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.postgres.DatabaseServer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Times the JSON-lines history at the size of the history issue's goal (a measurement, not a unit test; nothing
 * here asserts): a synthetic history of RUNS runs x BENCHMARKS benchmarks x SAMPLES samples (default 10,000 x 100
 * x 30, about 730 MB), then
 * <ol>
 *   <li>one append at the end of a 10-run and of the big history (median of 21; O(1) means the same time);</li>
 *   <li>a full streaming read reducing every run to per-benchmark medians ({@link HistoryRows}), keeping the rows
 *       as {@code history analyze} would: wall time and peak heap;</li>
 *   <li>for comparison, the validated tree reader alone on the first 1,000 lines;</li>
 *   <li>with POSTGRES_RUNS &gt; 0, the same for {@link HistoryPostgres} on the embedded server: that many appends
 *       (each its own connection and transaction, as each {@code check} does), then a streaming read.</li>
 * </ol>
 * Run from the repository root (the heap limit shows that memory stays bounded):
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt &amp;&amp; \
 *   java -Xmx512m -cp target/classes:target/test-classes:$(cat target/test-cp.txt) \
 *   dev.perfgate.history.HistoryBenchmark [RUNS [BENCHMARKS [SAMPLES [POSTGRES_RUNS]]]]
 * </pre>
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int benchmarks = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int postgresRuns = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("perfgate-history-benchmark");
        try {
            Path small = write(dir.resolve("small.jsonl"), 10, benchmarks, samples);
            Path big = write(dir.resolve("big.jsonl"), runs, benchmarks, samples);
            System.out.printf(Locale.ROOT, "append, 10-run history:     median %.2f ms%n", appendMillis(small, benchmarks,
                    samples));
            System.out.printf(Locale.ROOT, "append, %d-run history: median %.2f ms%n", runs, appendMillis(big,
                    benchmarks, samples));
            read(big);
            read(big); // warm: what a JIT-compiled reader costs
            validatedOnly(big, 1_000);
            if (postgresRuns > 0) postgres(postgresRuns, benchmarks, samples);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    // The same bytes append writes, without a sync per line: the setup is not what is measured.
    private static Path write(Path file, int runs, int benchmarks, int samples) throws IOException {
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < runs; i++) {
                HistoryEntry entry = HistoryTestRuns.checked(HistoryTestRuns.run("tviews", commit(i), benchmarks,
                        samples, i));
                out.write((HistoryLines.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d runs x %d benchmarks x %d samples, %.0f MB in %.1f s%n",
                file.getFileName(), runs, benchmarks, samples, Files.size(file) / 1e6, seconds(start));
        return file;
    }

    private static double appendMillis(Path file, int benchmarks, int samples) {
        HistoryEntry entry = HistoryTestRuns.checked(HistoryTestRuns.run("tviews", "appended", benchmarks, samples, 1));
        HistoryFile history = new HistoryFile(file);
        double[] millis = new double[21];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            history.append(entry);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static void read(Path file) throws InterruptedException {
        HeapSampler heap = HeapSampler.start();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        List<HistoryRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        HistoryRows.forEach(new HistoryFile(file), rows::add, warnings::add);
        double seconds = seconds(start);
        double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        long peak = heap.finish();
        double medianSum = 0;
        for (HistoryRow row : rows) medianSum += row.benchmarks().get(0).median();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "streaming read to medians: %d runs in %.2f s wall, %.2f s CPU (load average"
                + " %.1f), peak heap %.0f MB, rows kept %.0f MB (max heap %.0f MB), %d warnings, checksum %.3f%n",
                rows.size(), seconds, cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                peak / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6,
                warnings.size(), medianSum / rows.size());
    }

    private static void postgres(int runs, int benchmarks, int samples) throws SQLException {
        DatabaseServer server = TestPostgres.server();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS perfgate_runs");
        }
        HistoryPostgres history = new HistoryPostgres(server);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            history.append(HistoryTestRuns.checked(HistoryTestRuns.run("tviews", commit(i), benchmarks, samples, i)));
        }
        System.out.printf(Locale.ROOT, "postgres: %d appends, %.1f ms each%n", runs, seconds(start) * 1e3 / runs);
        for (int pass = 0; pass < 2; pass++) {
            long readStart = System.nanoTime();
            List<HistoryRow> rows = new ArrayList<>();
            HistoryRows.forEach(history, rows::add, w -> { });
            System.out.printf(Locale.ROOT, "postgres: streaming read to medians: %d runs in %.2f s%n", rows.size(),
                    seconds(readStart));
        }
    }

    private static void validatedOnly(Path file, int lines) throws IOException {
        long start = System.nanoTime();
        try (Stream<String> text = Files.lines(file)) {
            text.limit(lines).forEach(l -> HistoryLines.decodeValidated(l.getBytes(StandardCharsets.UTF_8)));
        }
        System.out.printf(Locale.ROOT, "validated tree reader alone: %.2f ms per run%n", seconds(start) * 1e3 / lines);
    }

    private static String commit(int i) {
        return String.format(Locale.ROOT, "%040x", (long) i * 0x9E3779B97F4A7C15L >>> 1);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // All threads of this JVM, the JIT and the collector included: the figure the machine's other load does not change.
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Samples the used heap every 5 ms: a peak between collections, what the limit must accommodate. */
    private static final class HeapSampler implements Runnable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;

        static HeapSampler start() {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
