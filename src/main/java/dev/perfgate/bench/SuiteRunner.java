package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.ParamSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.SqlStatement;
import dev.perfgate.suite.Suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a suite over one JDBC connection: suite setup once, then per benchmark its warm-up and measured
 * iterations, then suite teardown. Only the timed statements sit between the two {@code System.nanoTime()}
 * reads; they are server-side prepared once per benchmark and re-bound with fresh seeded parameters each
 * iteration.
 */
public final class SuiteRunner {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Connection connection;
    private final Progress progress;
    private final Map<SqlStatement, PreparedStatement> prepared = new HashMap<>();
    private int scale;
    private double calibrationMillis = Double.NaN;

    public SuiteRunner(Connection connection, Progress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    /**
     * Runs every benchmark of the suite. {@code overrides} (from the command line) win over the benchmark's
     * own settings, which win over the suite's.
     */
    public List<BenchmarkResult> run(Suite suite, Settings overrides) {
        Settings suiteSettings = suite.settings().overriddenBy(overrides);
        scale = suiteSettings.scaleOrDefault();
        for (BenchmarkSpec b : suite.benchmarks()) {
            for (ParamSpec p : b.params()) p.requireValidAt(scale, b.file()); // before any SQL, e.g. after --scale
        }
        SqlCalls calls = new SqlCalls(connection, suiteSettings.timeoutOrDefault());
        calibrationMillis = calls.calibrate();
        calls.setTimeout(suiteSettings.timeoutOrDefault(), suite.setup().isEmpty() ? null : suite.setup().get(0));
        for (SqlStatement st : suite.setup()) calls.untimed(st, bind(st, Map.of()), "suite setup");
        List<BenchmarkResult> results = new ArrayList<>();
        boolean ok = false;
        try {
            for (int i = 0; i < suite.benchmarks().size(); i++) {
                BenchmarkSpec b = suite.benchmarks().get(i);
                Settings s = suiteSettings.overriddenBy(b.settings()).overriddenBy(overrides);
                if (suiteSettings.vacuumOrDefault()) calls.vacuum(b.timed().get(0), b.name());
                results.add(runBenchmark(b, s, calls, i + 1, suite.benchmarks().size()));
            }
            ok = true;
        } finally {
            closePrepared();
            teardown(suite, calls, ok);
        }
        return results;
    }

    /** Median time of the calibration query before the suite ran, in ms: how fast the machine was (NaN before a run). */
    public double calibrationMillis() {
        return calibrationMillis;
    }

    private BenchmarkResult runBenchmark(BenchmarkSpec b, Settings s, SqlCalls calls, int index, int count) {
        int warmup = s.warmupOrDefault();
        int total = warmup + s.iterationsOrDefault();
        calls.setTimeout(s.timeoutOrDefault(), b.timed().get(0));
        SplittableRandom random = new SplittableRandom(s.seedOrDefault() ^ b.name().hashCode());
        boolean ratio = s.metricOrDefault() == Settings.Metric.RATIO;
        boolean rollback = s.isolationOrDefault() == Settings.Isolation.ROLLBACK;
        List<Double> samples = new ArrayList<>(s.iterationsOrDefault());
        progress.benchmarkStarted(index, count, b.name(), total);
        calls.autoCommit(!rollback, b.timed().get(0));
        try {
            for (int it = 0; it < total; it++) {
                calls.iteration = it + 1;
                Map<String, Long> values = draw(b.params(), random);
                for (SqlStatement st : b.setup()) calls.untimed(st, bind(st, values), b.name());
                double sample;
                if (ratio) {
                    boolean aFirst = it % 2 == 0; // alternate so neither part always runs on the warmer cache
                    long first = calls.timed(aFirst ? b.timed() : b.timedB(), this::bindFor, values, b.name());
                    long second = calls.timed(aFirst ? b.timedB() : b.timed(), this::bindFor, values, b.name());
                    long a = aFirst ? first : second;
                    long bNanos = aFirst ? second : first;
                    sample = (double) a / Math.max(1, bNanos);
                } else {
                    sample = calls.timed(b.timed(), this::bindFor, values, b.name()) / NANOS_PER_MILLI;
                }
                for (SqlStatement st : b.teardown()) calls.untimed(st, bind(st, values), b.name());
                if (rollback) calls.rollback(b.timed().get(0), b.name());
                if (it >= warmup) samples.add(sample);
                progress.iterationDone(it + 1, total);
            }
        } finally {
            calls.iteration = 0;
        }
        calls.autoCommit(true, b.timed().get(0));
        progress.benchmarkDone(b.name(), median(samples), s.unitOrDefault());
        return new BenchmarkResult(b.name(), s.unitOrDefault(), s.directionOrDefault(), samples);
    }

    private void teardown(Suite suite, SqlCalls calls, boolean runSucceeded) {
        try {
            if (!runSucceeded) {
                if (connection.isClosed() || !connection.isValid(5)) return;
                if (!connection.getAutoCommit()) connection.rollback();
                connection.setAutoCommit(true);
            }
            for (SqlStatement st : suite.teardown()) calls.untimed(st, bind(st, Map.of()), "suite teardown");
        } catch (SQLException | PerfgateException e) {
            if (runSucceeded) throw e instanceof PerfgateException p ? p : new PerfgateException(e.getMessage(), e);
            // the run already failed with a better message; teardown is best effort
        }
    }

    private Map<String, Long> draw(List<ParamSpec> params, SplittableRandom random) {
        Map<String, Long> values = new HashMap<>();
        for (ParamSpec p : params) values.put(p.name(), p.draw(random, scale));
        return values;
    }

    private PreparedStatement bindFor(SqlStatement st, Map<String, Long> values) {
        return bind(st, values);
    }

    private PreparedStatement bind(SqlStatement st, Map<String, Long> values) {
        PreparedStatement ps = statement(st);
        try {
            for (int i = 0; i < st.parameters().size(); i++) {
                String name = st.parameters().get(i);
                if (name.equals("scale")) {
                    ps.setInt(i + 1, scale);
                } else {
                    bindInteger(ps, i + 1, values.get(name));
                }
            }
        } catch (SQLException e) {
            throw new PerfgateException(st.location() + ": cannot bind parameters: " + e.getMessage(), e);
        }
        return ps;
    }

    /** Binds as int4 when it fits, so {@code f(:id)} finds a function declared on integer, else int8. */
    private static void bindInteger(PreparedStatement ps, int index, long value) throws SQLException {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            ps.setInt(index, (int) value);
        } else {
            ps.setLong(index, value);
        }
    }

    private PreparedStatement statement(SqlStatement st) {
        PreparedStatement ps = prepared.get(st);
        if (ps != null) return ps;
        try {
            ps = connection.prepareStatement(st.sql());
        } catch (SQLException e) {
            throw SqlCalls.failure(st, e, "preparing", 0, Duration.ZERO);
        }
        prepared.put(st, ps);
        return ps;
    }

    private void closePrepared() {
        for (Statement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement on a dead connection; nothing to keep
            }
        }
        prepared.clear();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
