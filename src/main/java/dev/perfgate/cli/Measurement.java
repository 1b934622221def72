package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.bench.EnvironmentProbe;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.bench.SuiteRunner;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.postgres.DatabaseServer;
import dev.perfgate.postgres.EmbeddedServer;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures a suite end to end: start or reach the server, probe the environment, run, collect a result. */
final class Measurement {

    private Measurement() {
    }

    static RunResult measure(Suite suite, SuiteOptions options, Console console, boolean quick,
                             Integer forcedIterations) {
        Settings overrides = options.overrides(forcedIterations);
        long startNanos = System.nanoTime();
        try (DatabaseServer server = options.db == null ? EmbeddedServer.start() : ExternalServer.of(options.db)) {
            long readyNanos = System.nanoTime();
            try (Connection connection = connect(server)) {
                Environment environment = EnvironmentProbe.probe(connection);
                double loadBefore = EnvironmentProbe.loadAverage();
                SuiteRunner runner = new SuiteRunner(connection, console.progress());
                List<BenchmarkResult> benchmarks = runner.run(suite, overrides);
                long doneNanos = System.nanoTime();
                console.err().printf(Locale.ROOT, "perfgate: %s: server ready in %.1f s, suite ran in %.1f s%n",
                        server.description(), (readyNanos - startNanos) / 1e9, (doneNanos - readyNanos) / 1e9);
                return new RunResult(suite.name(), Instant.now(), GitProbe.probe(Path.of("")), environment,
                        runSettings(suite, overrides, quick, options.db != null, runner.calibrationMillis(),
                                Math.max(loadBefore, EnvironmentProbe.loadAverage())), benchmarks);
            } catch (SQLException e) {
                throw new PerfgateException("cannot read the server's settings from " + server.description() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Connection connect(DatabaseServer server) {
        try {
            return server.connect();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String hint = switch (state) {
                case "28P01", "28000" -> "check the user and set the password in PGPASSWORD or ~/.pgpass";
                case "3D000" -> "create the database or name another one in the URL";
                default -> "check the host, port and that the server is running";
            };
            throw new PerfgateException("cannot connect to " + server.description() + ": " + firstLine(e.getMessage())
                    + " (" + hint + ")", e);
        }
    }

    private static RunSettings runSettings(Suite suite, Settings overrides, boolean quick, boolean external,
                                           double calibrationMillis, double loadAverage) {
        Settings s = suite.settings().overriddenBy(overrides);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scale", s.scaleOrDefault());
        extra.put("seed", s.seedOrDefault());
        extra.put("statement_timeout_ms", s.timeoutOrDefault().toMillis());
        extra.put("server", external ? "external" : "embedded");
        if (!Double.isNaN(calibrationMillis)) extra.put(RunSettings.CALIBRATION_KEY, calibrationMillis);
        if (!Double.isNaN(loadAverage)) extra.put(RunSettings.LOAD_KEY, loadAverage);
        return new RunSettings(s.iterationsOrDefault(), s.warmupOrDefault(), quick, extra);
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
