package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.json.Messages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports pgbench's output, recognising which of three kinds a file is:
 * <ul>
 *   <li>the per-transaction log of {@code -l} ({@link PgbenchTransactionLog}): every latency, the best input;</li>
 *   <li>the aggregated log of {@code -l --aggregate-interval} ({@link PgbenchAggregateLog}): per-interval mean
 *       latency and tps;</li>
 *   <li>the text pgbench prints ({@link PgbenchReport}), e.g. with {@code -r}: means and standard deviations only.</li>
 * </ul>
 * With {@code -j N} pgbench writes one log per thread ({@code PREFIX.PID}, {@code PREFIX.PID.1}, ...; the prefix
 * is {@code pgbench_log} unless {@code --log-prefix} says otherwise): import them together as one run, or each
 * on its own.
 */
public final class PgbenchImporter implements Importer {

    /** One input: the name errors show and its text. */
    public record Log(String name, String text) {
    }

    enum Kind { TRANSACTIONS, AGGREGATE, REPORT }

    static final String EXPECTED = "pgbench's per-transaction log (-l), its aggregated log (-l --aggregate-interval) "
            + "or the text it prints (-r)";

    // Unix times at or above this (September 2001) are timestamps; client ids and counts of a first column are not.
    private static final long EPOCH_2001 = 1_000_000_000L;
    private static final int REPORT_SNIFF_LINES = 50;

    @Override
    public String format() {
        return "pgbench";
    }

    @Override
    public String reads() {
        return EXPECTED;
    }

    @Override
    public ImportResult parse(String text, String sourceName) {
        return parseAll(List.of(new Log(sourceName, text)));
    }

    @Override
    public ImportResult importFiles(List<Path> files) {
        if (files.isEmpty()) throw new PerfgateException("pgbench import needs at least one file");
        List<Log> logs = new ArrayList<>();
        Instant latest = null;
        for (Path file : files) {
            logs.add(new Log(file.toString(), ImportFiles.read(file, ImportFiles.MAX_LOG_BYTES)));
            Instant modified = ImportFiles.modified(file);
            if (modified != null && (latest == null || modified.isAfter(latest))) latest = modified;
        }
        return parseAll(logs).withCreatedFallback(latest);
    }

    /** Reads the logs of one run, all of the same kind. */
    public ImportResult parseAll(List<Log> logs) {
        if (logs.isEmpty()) throw new PerfgateException("pgbench import needs at least one file");
        Kind kind = detect(logs.get(0));
        for (Log log : logs.subList(1, logs.size())) {
            Kind other = detect(log);
            if (other != kind) {
                throw new PerfgateException(log.name() + ": " + describe(other) + ", but " + logs.get(0).name()
                        + " is " + describe(kind) + "; import files of one kind together");
            }
        }
        return switch (kind) {
            case TRANSACTIONS -> PgbenchTransactionLog.read(logs);
            case AGGREGATE -> PgbenchAggregateLog.read(logs);
            case REPORT -> {
                if (logs.size() > 1) {
                    throw new PerfgateException(logs.get(1).name() + ": pgbench's text output is one file per run; "
                            + "import each on its own");
                }
                yield PgbenchReport.read(logs.get(0));
            }
        };
    }

    /** Which kind {@code log} is, from its first lines. */
    static Kind detect(Log log) {
        TextLines lines = new TextLines(log.name(), log.text());
        String first = null;
        int firstNumber = 0;
        for (String line; (line = lines.next()) != null && lines.number() <= REPORT_SNIFF_LINES; ) {
            if (line.startsWith("pgbench (") || line.startsWith("transaction type:")) return Kind.REPORT;
            if (first == null && !line.isBlank()) {
                first = line;
                firstNumber = lines.number();
            }
        }
        if (first == null) throw new PerfgateException(log.name() + ": empty; expected " + EXPECTED);
        String[] columns = TextLines.columns(first);
        if (columns.length >= 6 && isTimestamp(columns[0])) return Kind.AGGREGATE;
        if (columns.length >= 6 && isTimestamp(columns[4])) return Kind.TRANSACTIONS;
        throw new PerfgateException(log.name() + ":" + firstNumber + ": not a pgbench log or pgbench output: "
                + Messages.quote(first) + "; expected " + EXPECTED);
    }

    private static boolean isTimestamp(String column) {
        return column.matches("\\d{10,12}") && Long.parseLong(column) >= EPOCH_2001;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case TRANSACTIONS -> "a per-transaction log (-l)";
            case AGGREGATE -> "an aggregated log (--aggregate-interval)";
            case REPORT -> "pgbench's text output";
        };
    }
}
