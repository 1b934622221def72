package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads pgbench's per-transaction log ({@code -l}), one line per transaction:
 * {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]}, where {@code time}
 * is the latency in microseconds and {@code time_epoch}/{@code time_us} when the transaction ended.
 *
 * <p>Each script ({@code script_no}) is one benchmark: {@code pgbench} when the run had one script, else
 * {@code pgbench.script1}, {@code pgbench.script2}, ... numbered from 1 as pgbench's own report does. Samples are
 * latencies in ms, lower is better, in the order the transactions ended across all files. A {@code time} of
 * {@code skipped} ({@code --rate} with {@code --latency-limit}) or {@code failed}/{@code serialization}/
 * {@code deadlock}/{@code other} (errors) is no latency: counted in a warning, left out.
 *
 * <p>A malformed line is an error naming it, except the last line of a file without a line break, which is what
 * a pgbench that was stopped leaves: skipped with a warning.
 */
final class PgbenchTransactionLog {

    private static final Set<String> NOT_A_LATENCY = Set.of("skipped", "failed", "serialization", "deadlock", "other");
    private static final int MAX_SCRIPTS = 128; // pgbench's own limit
    private static final long MAX_EPOCH = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final String FORMAT = "expected pgbench's per-transaction log (-l): \"client_id transaction_no "
            + "time script_no time_epoch time_us [schedule_lag] [retries]\"; was the file edited or cut?";

    private PgbenchTransactionLog() {
    }

    /** The transactions of one script: when each ended (µs since the epoch) and its latency in ms. */
    private static final class Series {
        long[] endMicros = new long[64];
        double[] millis = new double[64];
        int size;

        void add(long end, double latencyMillis) {
            if (size == millis.length) {
                endMicros = Arrays.copyOf(endMicros, size * 2);
                millis = Arrays.copyOf(millis, size * 2);
            }
            endMicros[size] = end;
            millis[size++] = latencyMillis;
        }
    }

    static ImportResult read(List<PgbenchImporter.Log> logs) {
        Series[] scripts = new Series[MAX_SCRIPTS];
        Map<String, Integer> notLatencies = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long lastEnd = -1;
        for (PgbenchImporter.Log log : logs) {
            TextLines lines = new TextLines(log.name(), log.text());
            lines.advise(FORMAT);
            for (String line; (line = lines.next()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    lastEnd = Math.max(lastEnd, line(lines, line, scripts, notLatencies));
                } catch (PerfgateException e) {
                    warnings.add(lines.skipTornEnd(e));
                }
            }
        }
        notLatencies.forEach((what, n) -> warnings.add(n + " transaction(s) logged as " + what + " have no latency "
                + "and were left out; check the run"));
        List<BenchmarkResult> benchmarks = benchmarks(scripts, warnings);
        if (benchmarks.isEmpty()) {
            throw new PerfgateException(logs.get(0).name() + ": no completed transaction with a latency in "
                    + (logs.size() == 1 ? "it" : "these " + logs.size() + " files") + "; check the pgbench run");
        }
        int kept = benchmarks.stream().mapToInt(b -> b.samples().size()).max().orElse(0);
        RunSettings settings = new RunSettings(kept, 0, false, Map.of("imported_from", "pgbench-log",
                "pgbench_log_files", logs.size()));
        Instant created = Instant.ofEpochSecond(lastEnd / 1_000_000, lastEnd % 1_000_000 * 1000);
        return new ImportResult(new RunResult("pgbench", created, null, null, settings, benchmarks), warnings);
    }

    /** Adds one line's transaction; returns when it ended, in µs since the epoch. */
    private static long line(TextLines lines, String line, Series[] scripts, Map<String, Integer> notLatencies) {
        String[] c = TextLines.columns(line);
        if (c.length < 6 || c.length > 8) throw lines.fail(c.length + " columns, expected 6 to 8");
        lines.whole(c[0], "client_id", Integer.MAX_VALUE);
        lines.whole(c[1], "transaction_no", Long.MAX_VALUE / 2);
        int script = (int) lines.whole(c[3], "script_no", MAX_SCRIPTS - 1);
        long end = lines.whole(c[4], "time_epoch", MAX_EPOCH) * 1_000_000 + lines.whole(c[5], "time_us", 999_999);
        for (int i = 6; i < c.length; i++) lines.decimal(c[i], i == 6 ? "schedule_lag" : "retries");
        if (NOT_A_LATENCY.contains(c[2])) {
            notLatencies.merge(c[2], 1, Integer::sum);
            return end;
        }
        double micros = lines.decimal(c[2], "time (latency in µs)");
        if (scripts[script] == null) scripts[script] = new Series();
        scripts[script].add(end, micros / 1000);
        return end;
    }

    private static List<BenchmarkResult> benchmarks(Series[] scripts, List<String> warnings) {
        long present = Arrays.stream(scripts).filter(s -> s != null).count();
        List<BenchmarkResult> out = new ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            Series s = scripts[i];
            if (s == null) continue;
            String name = present == 1 ? "pgbench" : "pgbench.script" + (i + 1);
            double[] ordered = byEnd(s);
            String thinned = Thinning.warning(name, s.size);
            if (thinned != null) warnings.add(thinned);
            out.add(new BenchmarkResult(name, "ms", Direction.LOWER, Thinning.evenly(ordered, s.size)));
        }
        return out;
    }

    /** The latencies in the order the transactions ended (threads' files interleave); stable for equal times. */
    private static double[] byEnd(Series s) {
        boolean sorted = true; // one thread's log always is
        for (int i = 1; i < s.size && sorted; i++) sorted = s.endMicros[i - 1] <= s.endMicros[i];
        if (sorted) return Arrays.copyOf(s.millis, s.size);
        Integer[] order = new Integer[s.size];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(s.endMicros[a], s.endMicros[b]));
        double[] out = new double[s.size];
        for (int i = 0; i < out.length; i++) out[i] = s.millis[order[i]];
        return out;
    }
}
