package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.EmbeddedServer;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The measurement-overhead benchmark: on one embedded server, in one run, perfgate's median latency for a trivial
 * statement against what {@code pgbench -M prepared} measures for the same statement; the goal is a ratio of at
 * most {@value #LIMIT}. Not a unit test: it takes about half a minute and prints a table.
 *
 * <p>Apples to apples: both tools use one TCP connection to localhost, server-side prepared statements and
 * autocommit (so the UPDATE's time includes its durable commit, as pgbench's transaction does); both draw the
 * UPDATE's id uniformly from 1..{@value #ROWS}; both drop the first {@value #WARMUP} transactions of a run.
 * pgbench's number is the median of the third field of its per-transaction log (the transaction's elapsed time
 * in microseconds, PostgreSQL docs "Per-Transaction Logging"); its own "latency average" (elapsed time divided
 * by transactions, so the gaps between transactions count too) is shown beside it. Each round runs the two
 * tools back to back per statement, alternating which goes first, after one unrecorded round that warms the
 * JIT and the server's caches; the table is VACUUMed before every run.
 *
 * <p>Run it with {@code scripts/overhead-vs-pgbench.sh [ROUNDS]}. Exit code 0 when every statement passes,
 * 1 when one misses, 2 when pgbench is missing, 3 when the benchmark itself fails, 4 for a bad argument.
 */
public final class OverheadBenchmark {

    static final double LIMIT = 1.15;
    /** Many short rounds rather than a few long ones: each round's ratio is paired in time, so drift cancels. */
    static final int DEFAULT_ROUNDS = 20;
    static final int ITERATIONS = 1000;
    static final int WARMUP = 200;
    static final int ROWS = 1000;
    static final long SEED = 42;

    private static final Pattern REPORTED_AVERAGE = Pattern.compile("latency average = ([0-9.]+) ms");

    /** One statement, as a perfgate benchmark file and as a pgbench script. */
    record Case(String name, String perfgateFile, String pgbenchScript) {
    }

    /*
     * The "\set unused 0" is not decoration. pgbench 15 reads the clock lazily, once per pass through its state
     * machine, and only a meta command resets it; in a script of one SQL command whose reply is already there
     * when pgbench first looks (the server ran on its CPU in between), the end time is the start time and the
     * log says 0 us. On this 2-core machine 10-60 % of SELECT 1 transactions were logged as 0 without it.
     */
    static final List<Case> CASES = List.of(
            new Case("SELECT 1", "-- perfgate:run\nSELECT 1;\n", "\\set unused 0\nSELECT 1;\n"),
            new Case("UPDATE one row",
                    "-- perfgate:param id = int(1, " + ROWS + ")\n\n-- perfgate:run\n"
                            + "UPDATE overhead_t SET v = v + 1 WHERE id = :id;\n",
                    "\\set id random(1, " + ROWS + ")\nUPDATE overhead_t SET v = v + 1 WHERE id = :id;\n"));

    private static double median(List<Double> values) {
        return dev.perfgate.stats.Summary.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One round of one statement: both tools' latencies after warm-up, and pgbench's printed average. */
    record Round(List<Double> perfgateMillis, List<Double> pgbenchMillis, double pgbenchReportedAverageMillis) {
        double ratio() {
            return median(perfgateMillis) / median(pgbenchMillis);
        }
    }

    /** pgbench's latencies of one run after warm-up, and the average it printed itself. */
    record PgbenchRun(List<Double> samplesMillis, double reportedAverageMillis) {
    }

    private final Connection connection;
    private final String pgbench;
    private final Path work;
    private final Suite suite;

    private OverheadBenchmark(Connection connection, String pgbench, Path work) throws IOException {
        this.connection = connection;
        this.pgbench = pgbench;
        this.work = work;
        this.suite = writeSuite(work.resolve("overhead"));
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** {@code args}: optionally the number of rounds (default {@value #DEFAULT_ROUNDS}). */
    static int run(PrintStream out, PrintStream err, String[] args) {
        int rounds = args.length == 0 ? DEFAULT_ROUNDS : parsePositive(args[0]);
        if (rounds < 1) {
            err.println("usage: OverheadBenchmark [ROUNDS]   (a positive number of rounds, default " + DEFAULT_ROUNDS + ")");
            return 4;
        }
        String pgbench = findPgbench();
        if (pgbench == null) {
            err.println("pgbench not found on PATH (or at $PGBENCH): install it (Debian: apt-get install "
                    + "postgresql-client) to compare perfgate's overhead against it");
            return 2;
        }
        Path work = null;
        try (DatabaseServer server = EmbeddedServer.start(); Connection c = server.connect()) {
            work = Files.createTempDirectory("perfgate-overhead-");
            createTable(c);
            out.printf(Locale.ROOT, "%s (%s, ssl=%s); %s%n%d rounds x %d iterations after %d warm-up, one unrecorded "
                    + "warm-up round first; load %s%n%n", server.description(), query(c, "SHOW server_version"),
                    query(c, "SHOW ssl"), version(pgbench), rounds, ITERATIONS, WARMUP, load());
            return new OverheadBenchmark(c, pgbench, work).measure(rounds, out) ? 0 : 1;
        } catch (PerfgateException | SQLException | IOException e) {
            err.println("overhead benchmark failed: " + e.getMessage());
            return 3;
        } finally {
            if (work != null) deleteTree(work);
        }
    }

    /** Runs the rounds, prints a row per round and the summary; true when every statement passes. */
    private boolean measure(int rounds, PrintStream out) throws SQLException, IOException {
        for (int i = 0; i < CASES.size(); i++) measureRound(i, 0);
        List<List<Round>> byCase = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) byCase.add(new ArrayList<>());
        out.printf(Locale.ROOT, "%-15s %5s %12s %12s %7s %5s %16s%n", "statement", "round", "perfgate ms",
                "pgbench ms", "ratio", "", "pgbench avg ms*");
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < CASES.size(); i++) {
                Round r = measureRound(i, round);
                byCase.get(i).add(r);
                out.printf(Locale.ROOT, "%-15s %5d %12.4f %12.4f %7.3f %5s %16.4f%n", CASES.get(i).name(), round,
                        median(r.perfgateMillis()), median(r.pgbenchMillis()), r.ratio(),
                        verdict(r.ratio()), r.pgbenchReportedAverageMillis());
            }
        }
        out.printf(Locale.ROOT, "%nSummary over %d rounds%n%-15s %12s %12s %12s %13s%n", rounds, "statement",
                "perfgate ms", "pgbench ms", "ratio (all)", "median ratio");
        boolean allPass = true;
        for (int i = 0; i < CASES.size(); i++) {
            List<Round> rs = byCase.get(i);
            double p = median(rs.stream().flatMap(r -> r.perfgateMillis().stream()).toList());
            double b = median(rs.stream().flatMap(r -> r.pgbenchMillis().stream()).toList());
            double medianRatio = median(rs.stream().map(Round::ratio).toList());
            allPass &= medianRatio <= LIMIT;
            out.printf(Locale.ROOT, "%-15s %12.4f %12.4f %12.3f %13.3f  %s%n", CASES.get(i).name(), p, b, p / b,
                    medianRatio, verdict(medianRatio));
        }
        out.printf(Locale.ROOT, "%n* pgbench's own \"latency average\": elapsed time / transactions.%nratio = perfgate "
                + "median / pgbench median; \"ratio (all)\" pools every round's samples; the verdict is on the median "
                + "of the round ratios (each paired in time, so load changes between rounds cancel): PASS when "
                + "<= %.2f.%nLoad at the end: %s%n", LIMIT, load());
        return allPass;
    }

    /** Both tools on one statement, alternating which goes first; round 0 is the warm-up round. */
    private Round measureRound(int caseIndex, int round) throws SQLException, IOException {
        boolean perfgateFirst = round % 2 == 0;
        List<Double> perfgate = null;
        PgbenchRun bench = null;
        for (int turn = 0; turn < 2; turn++) {
            vacuum();
            if ((turn == 0) == perfgateFirst) {
                perfgate = runPerfgate(caseIndex);
            } else {
                bench = runPgbench(caseIndex, round);
            }
        }
        return new Round(perfgate, bench.samplesMillis(), bench.reportedAverageMillis());
    }

    private List<Double> runPerfgate(int caseIndex) {
        Suite one = suite.only(Set.of("case" + caseIndex));
        return SuiteRun.run(SuiteDatabase.open(connection, one, Settings.EMPTY, null), Progress.SILENT).get(0).samples();
    }

    private PgbenchRun runPgbench(int caseIndex, int round) throws SQLException, IOException {
        Path script = work.resolve("case" + caseIndex + ".pgbench");
        Files.writeString(script, CASES.get(caseIndex).pgbenchScript());
        Path logDir = Files.createDirectories(work.resolve("log-" + caseIndex + "-" + round));
        List<String> command = List.of(pgbench, "-h", "localhost", "-p", query(connection, "SELECT inet_server_port()"),
                "-U", "postgres", "-n", "-M", "prepared", "-c", "1", "-j", "1", "-t", Integer.toString(WARMUP + ITERATIONS),
                "--random-seed=" + (SEED + round), "-f", script.toString(), "-l", "--log-prefix=" + logDir.resolve("tx"),
                "postgres");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(p);
        if (exit != 0) throw new PerfgateException("pgbench exited with " + exit + ":\n" + output);
        Matcher m = REPORTED_AVERAGE.matcher(output);
        return new PgbenchRun(readLog(logDir), m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
    }

    /**
     * The latencies in pgbench's per-transaction log ({@code client_id transaction_no time script_no time_epoch
     * time_us}, time in whole microseconds), in milliseconds, without the first {@link #WARMUP} transactions.
     */
    private static List<Double> readLog(Path logDir) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(logDir)) {
            logs = files.toList();
        }
        if (logs.size() != 1) throw new PerfgateException("expected one pgbench log in " + logDir + ", found " + logs);
        List<String> lines = Files.readAllLines(logs.get(0));
        if (lines.size() != WARMUP + ITERATIONS) {
            throw new PerfgateException("pgbench logged " + lines.size() + " transactions, expected " + (WARMUP + ITERATIONS));
        }
        List<Double> samples = new ArrayList<>(ITERATIONS);
        for (String line : lines.subList(WARMUP, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[2].matches("\\d+")) throw new PerfgateException("unexpected pgbench log line: " + line);
            samples.add(Long.parseLong(f[2]) / 1000.0);
        }
        return samples;
    }

    private static Suite writeSuite(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SuiteReader.SUITE_FILE), String.format(Locale.ROOT,
                "-- perfgate: iterations=%d warmup=%d isolation=commit seed=%d%n", ITERATIONS, WARMUP, SEED));
        for (int i = 0; i < CASES.size(); i++) {
            Files.writeString(dir.resolve("case" + i + ".sql"), CASES.get(i).perfgateFile());
        }
        return SuiteReader.readFolder(dir);
    }

    private static void createTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS overhead_t");
            st.execute("CREATE TABLE overhead_t (id int PRIMARY KEY, v int NOT NULL)");
            st.execute("INSERT INTO overhead_t SELECT g, 0 FROM generate_series(1, " + ROWS + ") g");
        }
    }

    private void vacuum() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM ANALYZE overhead_t");
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String verdict(double ratio) {
        return ratio <= LIMIT ? "PASS" : "MISS";
    }

    private static int parsePositive(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String findPgbench() {
        String configured = System.getenv("PGBENCH");
        if (configured != null && !configured.isBlank()) return new File(configured).canExecute() ? configured : null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "pgbench");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    private static String version(String pgbench) throws IOException {
        Process p = new ProcessBuilder(pgbench, "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        waitFor(p);
        return v;
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new PerfgateException("interrupted while waiting for pgbench", e);
        }
    }

    /** The 1/5/15-minute load averages, so a reader can judge how busy the machine was. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("warning: could not delete " + root + ": " + e.getMessage());
        }
    }
}
