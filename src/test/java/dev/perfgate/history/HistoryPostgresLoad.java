package dev.perfgate.history;

import dev.perfgate.TestPostgres;
import dev.perfgate.postgres.DatabaseServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures many runners appending to one PostgreSQL history at once, for the user guide's "Scaling out" (a
 * measurement, not a unit test; it asserts only that every run landed exactly once): WRITERS JVMs (default 8), each
 * appending RUNS runs (default 50) of BENCHMARKS x SAMPLES (default 20 x 30), each append opening its own store,
 * connection and transaction as each {@code check} or shard job does, all against one embedded server. It prints
 * the latency of one append (median, 95th percentile, max) and the throughput. Run from the repository root:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt &amp;&amp; \
 *   java -cp target/classes:target/test-classes:$(cat target/test-cp.txt) \
 *   dev.perfgate.history.HistoryPostgresLoad [WRITERS [RUNS [BENCHMARKS [SAMPLES]]]]
 * </pre>
 */
public final class HistoryPostgresLoad {

    private HistoryPostgresLoad() {
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int benchmarks = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        DatabaseServer server = TestPostgres.server();
        String url;
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet port = s.executeQuery("SELECT current_setting('port')")) {
            port.next();
            url = "jdbc:postgresql://localhost:" + port.getString(1) + "/postgres?user=postgres";
            s.execute("DROP TABLE IF EXISTS perfgate_runs");
        }
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Writer.class.getName(), url, String.valueOf(w),
                    String.valueOf(runs), String.valueOf(benchmarks), String.valueOf(samples))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<Double> millis = new ArrayList<>();
        double firstMax = 0;
        for (Process p : processes) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                boolean first = true;
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    // A JVM's first append also loads classes, connects first and may race to create the table.
                    if (first) firstMax = Math.max(firstMax, Double.parseDouble(line));
                    else millis.add(Double.parseDouble(line));
                    first = false;
                }
            }
            if (p.waitFor() != 0) throw new IllegalStateException("a writer failed");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Set<String> commits = new HashSet<>();
        int[] rows = {0};
        new HistoryPostgres(server).forEach(e -> {
            rows[0]++;
            commits.add(e.run().git().commit());
        }, w -> { });
        if (rows[0] != writers * runs || commits.size() != writers * runs) {
            throw new IllegalStateException(rows[0] + " rows, " + commits.size() + " distinct runs; expected "
                    + writers * runs);
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%d writers x %d appends (%d benchmarks x %d samples): %d runs, each landed "
                        + "once, in %.1f s wall (JVM starts included), %.0f appends/s; one append after a JVM's first: "
                        + "median %.1f ms, p95 %.1f ms, max %.1f ms; first appends up to %.0f ms (load average %.1f "
                        + "on %d cores)%n", writers, runs, benchmarks,
                samples, rows[0], seconds, rows[0] / seconds, pct(millis, 0.5), pct(millis, 0.95),
                millis.get(millis.size() - 1), firstMax, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** One appender JVM: prints the milliseconds of each append, one per line. */
    public static final class Writer {
        private Writer() {
        }

        public static void main(String[] args) {
            String url = args[0];
            int writer = Integer.parseInt(args[1]);
            int runs = Integer.parseInt(args[2]);
            int benchmarks = Integer.parseInt(args[3]);
            int samples = Integer.parseInt(args[4]);
            for (int i = 0; i < runs; i++) {
                var entry = HistoryTestRuns.appended(writer, i, benchmarks, samples);
                long t = System.nanoTime();
                HistoryStore.open(url).append(entry); // a fresh store each time, as each check has
                System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - t) / 1e6);
            }
        }
    }
}
