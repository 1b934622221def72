package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text pgbench prints at the end of a run (with {@code -r}, per-statement latencies too). It holds no
 * raw latencies, only averages, so what can be gated is decided by what has a spread:
 * <ul>
 *   <li>{@code latency average} with {@code latency stddev} and the number of transactions is a summary
 *       ({@link ReportedSummary}: mean, stddev, n) that perfgate compares with Welch's t-test, as it does legacy
 *       baselines: {@code pgbench} for a one-script run, {@code pgbench.script1}, ... per script of a run with
 *       several (pgbench prints a stddev per script always, overall only with {@code -P}, {@code --rate} or
 *       {@code --latency-limit});</li>
 *   <li>{@code tps} and the per-statement latencies are single averages with no spread: no test can tell a change
 *       in them from noise, so they are not imported, and a warning says how to gate them (scripts of their own,
 *       and a per-transaction log).</li>
 * </ul>
 * A report with no stddev at all is an error that says to re-run with {@code -l} or {@code -P}.
 */
final class PgbenchReport {

    private static final Pattern VERSION = Pattern.compile("pgbench \\(([^\\s)]+)[^,]*(?:, server ([^\\s)]+))?.*");
    private static final Pattern SETTING = Pattern.compile("([a-z][a-z ]*[a-z]): (.+)");
    private static final Pattern STAT =
            Pattern.compile("( - )?latency (average|stddev) = (\\d{1,15}(?:\\.\\d{1,9})?) ms.*");
    private static final Pattern SCRIPT = Pattern.compile("SQL script (\\d{1,3}): .*");
    // pgbench 15: " - 2228 transactions (50.1% of total, tps = 745.13)"; later: " - number of transactions actually
    // processed: 2228 (tps = 745.13)"
    private static final Pattern SCRIPT_COUNT = Pattern.compile(" - (?:(\\d{1,15}) transactions \\(|number of "
            + "transactions actually processed: (\\d{1,15}))");
    private static final Pattern PROCESSED = Pattern.compile("(\\d{1,15})(?:/\\d+)?");
    private static final Pattern STATEMENT = Pattern.compile("\\s+\\d+\\.\\d+\\s+\\d+(\\s+\\d+)?\\s.*");

    private PgbenchReport() {
    }

    /** What the report says of the whole run or of one script. */
    private static final class Latency {
        Double mean;
        Double stddev;
        Long transactions;

        boolean complete() {
            return mean != null && stddev != null && transactions != null && transactions > 0;
        }

        ReportedSummary summary() {
            return new ReportedSummary(mean, stddev, Double.NaN, (int) Math.min(transactions, Integer.MAX_VALUE));
        }
    }

    /** Everything read from the report so far. */
    private static final class Report {
        final Latency overall = new Latency();
        final List<Latency> scripts = new ArrayList<>();
        final Map<String, Object> extra = new LinkedHashMap<>(Map.of("imported_from", "pgbench-report"));
        PostgresInfo server;
        int statements;

        void accept(String line) {
            Latency current = scripts.isEmpty() ? overall : scripts.get(scripts.size() - 1);
            Matcher m;
            if ((m = VERSION.matcher(line)).matches()) {
                extra.put("pgbench_version", m.group(1));
                server = new PostgresInfo(m.group(2) != null ? m.group(2) : m.group(1), Map.of());
            } else if ((m = STAT.matcher(line)).matches()) {
                Latency target = m.group(1) != null ? current : overall;
                double value = Double.parseDouble(m.group(3));
                if (m.group(2).equals("average")) target.mean = value;
                else target.stddev = value;
            } else if (SCRIPT.matcher(line).matches()) {
                scripts.add(new Latency());
            } else if ((m = SCRIPT_COUNT.matcher(line)).lookingAt() && !scripts.isEmpty()) {
                current.transactions = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
            } else if (STATEMENT.matcher(line).matches()) {
                statements++;
            } else if ((m = SETTING.matcher(line)).matches()) {
                setting(m.group(1), m.group(2).strip(), overall, extra);
            }
        }
    }

    static ImportResult read(PgbenchImporter.Log log) {
        TextLines lines = new TextLines(log.name(), log.text());
        Report report = new Report();
        for (String line; (line = lines.next()) != null; ) report.accept(line);
        List<BenchmarkResult> benchmarks = benchmarks(lines, report.overall, report.scripts);
        List<String> warnings = List.of("imported as summaries (mean, stddev, n) from pgbench's text output: "
                        + "compared with Welch's t-test on means; a per-transaction log (pgbench -l) keeps every "
                        + "latency and is more robust",
                "tps" + (report.statements > 0 ? " and " + report.statements + " per-statement latencies" : "")
                        + " not imported: pgbench prints them as single averages without their spread, which cannot "
                        + "be tested for significance; to gate statements apart, put them in scripts of their own "
                        + "(-f a.sql -f b.sql)");
        long transactions = report.overall.transactions == null ? 0 : report.overall.transactions;
        RunSettings settings = new RunSettings((int) Math.min(Integer.MAX_VALUE, transactions), 0, false, report.extra);
        Environment environment = report.server == null ? null
                : new Environment(null, null, 0, 0, null, null, report.server);
        return new ImportResult(new RunResult("pgbench", null, null, environment, settings, benchmarks), warnings);
    }

    private static void setting(String key, String value, Latency overall, Map<String, Object> extra) {
        switch (key) {
            case "number of transactions actually processed" -> {
                Matcher m = PROCESSED.matcher(value);
                if (m.matches()) overall.transactions = Long.parseLong(m.group(1));
            }
            case "transaction type", "scaling factor", "query mode", "number of clients", "number of threads",
                 "duration", "number of transactions per client", "maximum number of tries" ->
                    extra.put("pgbench_" + key.replace(' ', '_'), value);
            default -> {
                // other lines (failures, connection time, progress) are not needed
            }
        }
    }

    private static List<BenchmarkResult> benchmarks(TextLines lines, Latency overall, List<Latency> scripts) {
        List<BenchmarkResult> out = new ArrayList<>();
        if (scripts.size() <= 1) {
            Latency only = overall.complete() || scripts.isEmpty() ? overall : scripts.get(0);
            if (only.complete()) out.add(summaryOnly("pgbench", only));
        } else {
            for (int i = 0; i < scripts.size(); i++) {
                if (scripts.get(i).complete()) out.add(summaryOnly("pgbench.script" + (i + 1), scripts.get(i)));
            }
        }
        if (out.isEmpty()) {
            throw new PerfgateException(lines.name() + ": pgbench's output has no latency stddev (or no transaction "
                    + "count), so its averages cannot be tested; re-run pgbench with -l and import the "
                    + "per-transaction log (best), or add -P 1 so that it prints the latency stddev");
        }
        return out;
    }

    private static BenchmarkResult summaryOnly(String name, Latency latency) {
        return new BenchmarkResult(name, "ms", Direction.LOWER, List.of(), latency.summary());
    }
}
