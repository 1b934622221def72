package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads pgbench's aggregated log ({@code -l --aggregate-interval=SECONDS}), one line per interval:
 * {@code interval_start num_transactions sum_latency sum_latency_2 min_latency max_latency [...]}, latencies in
 * microseconds; the columns after these six differ between versions and are not needed.
 *
 * <p>Two benchmarks, one sample per interval: {@code pgbench.latency_mean}, the interval's mean latency in ms
 * (lower is better; named apart from the per-transaction {@code pgbench}, since a mean per interval is not one
 * transaction's latency and the two must not be compared), and {@code pgbench.tps}, transactions per second
 * (higher is better). The interval is the spacing of {@code interval_start}s.
 *
 * <p>The first interval is left out: pgbench rounds its start down to a whole second, so it is cut short, and it
 * holds the warm-up (in the 5-second sample run committed with the tests: 113 transactions, against 599 to 3,839
 * in the others). pgbench does not write the unfinished last interval. The logs of several threads are added up
 * interval by interval.
 */
final class PgbenchAggregateLog {

    private static final long MAX_EPOCH = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final String FORMAT = "expected pgbench's aggregated log (-l --aggregate-interval): "
            + "\"interval_start num_transactions sum_latency sum_latency_2 min_latency max_latency ...\"; "
            + "was the file edited or cut?";

    private PgbenchAggregateLog() {
    }

    /** One interval's totals: transactions and the sum of their latencies in µs. */
    private record Interval(long transactions, double sumMicros) {
        Interval plus(Interval other) {
            return new Interval(transactions + other.transactions, sumMicros + other.sumMicros);
        }
    }

    static ImportResult read(List<PgbenchImporter.Log> logs) {
        TreeMap<Long, Interval> merged = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        long step = 0;
        for (PgbenchImporter.Log log : logs) {
            TreeMap<Long, Interval> intervals = new TreeMap<>();
            long fileStep = readFile(log, intervals, warnings);
            if (step != 0 && fileStep != step) {
                throw new PerfgateException(log.name() + ": intervals of " + fileStep + " s, but " + logs.get(0).name()
                        + " has " + step + " s; import the logs of one run together");
            }
            step = fileStep;
            intervals.forEach((start, i) -> merged.merge(start, i, Interval::plus));
        }
        merged.pollFirstEntry(); // cut short and warming up: see the class comment
        return result(merged, step, logs, warnings);
    }

    /** Reads one file's intervals; returns the spacing of their starts in seconds. */
    private static long readFile(PgbenchImporter.Log log, TreeMap<Long, Interval> intervals, List<String> warnings) {
        TextLines lines = new TextLines(log.name(), log.text());
        lines.advise(FORMAT);
        long step = 0;
        long previous = -1;
        for (String line; (line = lines.next()) != null; ) {
            if (line.isBlank()) continue;
            long start;
            try {
                start = line(lines, line, intervals);
            } catch (PerfgateException e) {
                warnings.add(lines.skipTornEnd(e));
                continue;
            }
            if (previous >= 0 && step == 0) step = start - previous;
            if (previous >= 0 && (start - previous != step || step <= 0)) {
                throw lines.fail("interval_start " + start + " after " + previous + ": intervals are not evenly "
                        + "spaced", "pgbench writes one line per interval, in order: import the log unedited");
            }
            previous = start;
        }
        if (step == 0) {
            throw new PerfgateException(log.name() + ": fewer than two intervals; run pgbench for several intervals "
                    + "(e.g. -T 60 --aggregate-interval=1), or use a per-transaction log (-l)");
        }
        return step;
    }

    /** Adds one line's interval; returns its start (seconds since the epoch). */
    private static long line(TextLines lines, String line, TreeMap<Long, Interval> intervals) {
        String[] c = TextLines.columns(line);
        if (c.length < 6) throw lines.fail(c.length + " columns, expected at least 6");
        long start = lines.whole(c[0], "interval_start", MAX_EPOCH);
        long transactions = lines.whole(c[1], "num_transactions", 1L << 50);
        double sum = lines.decimal(c[2], "sum_latency");
        for (int i = 3; i < c.length; i++) lines.decimal(c[i], "column " + (i + 1));
        if (transactions == 0 && sum > 0) throw lines.fail("sum_latency " + c[2] + " with no transactions");
        intervals.put(start, new Interval(transactions, sum));
        return start;
    }

    private static ImportResult result(TreeMap<Long, Interval> intervals, long step, List<PgbenchImporter.Log> logs,
                                       List<String> warnings) {
        double[] means = new double[intervals.size()];
        double[] tps = new double[intervals.size()];
        int withTransactions = 0;
        int i = 0;
        for (Interval interval : intervals.values()) {
            if (interval.transactions() > 0) {
                means[withTransactions++] = interval.sumMicros() / interval.transactions() / 1000;
            }
            tps[i++] = (double) interval.transactions() / step;
        }
        if (withTransactions == 0) {
            throw new PerfgateException(logs.get(0).name() + ": no transactions after the first interval; "
                    + "check the pgbench run");
        }
        if (withTransactions < tps.length) {
            warnings.add((tps.length - withTransactions) + " interval(s) had no transactions: they have no mean "
                    + "latency, and count as 0 in pgbench.tps");
        }
        List<BenchmarkResult> benchmarks = List.of(
                benchmark("pgbench.latency_mean", "ms", Direction.LOWER, means, withTransactions, warnings),
                benchmark("pgbench.tps", "tps", Direction.HIGHER, tps, tps.length, warnings));
        RunSettings settings = new RunSettings(tps.length, 0, false, Map.of("imported_from", "pgbench-aggregate",
                "pgbench_interval_s", (int) Math.min(step, Integer.MAX_VALUE), "pgbench_log_files", logs.size()));
        Instant created = Instant.ofEpochSecond(Math.min(MAX_EPOCH, intervals.lastKey() + step));
        return new ImportResult(new RunResult("pgbench", created, null, null, settings, benchmarks), warnings);
    }

    private static BenchmarkResult benchmark(String name, String unit, Direction direction, double[] values, int size,
                                             List<String> warnings) {
        String thinned = Thinning.warning(name, size);
        if (thinned != null) warnings.add(thinned);
        return new BenchmarkResult(name, unit, direction, Thinning.evenly(values, size));
    }
}
