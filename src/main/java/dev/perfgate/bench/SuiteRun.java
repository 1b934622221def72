package dev.perfgate.bench;

import dev.perfgate.Defaults;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.stats.Summary;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain run mode: one suite in the server's own database, each benchmark in file order with its warm-up
 * iterations (discarded) and then its measured iterations, and the whole run recorded as a {@link RunResult}.
 */
public final class SuiteRun {

    /** Untimed iterations per benchmark whose counts are recorded ({@link Defaults#COUNTER_ITERATIONS}). */
    static final int COUNTER_ITERATIONS = Defaults.COUNTER_ITERATIONS;

    private SuiteRun() {
    }

    /** Sets the suite up, runs it, tears it down and returns the results. */
    public static RunResult measure(Session session, Suite suite, Settings overrides, boolean quick,
                                    Progress progress) {
        List<BenchmarkResult> results = run(session.open(suite, overrides, null, null), progress);
        return record(session, suite, overrides, quick, results, GitProbe.probe(gitFolder(suite)), true);
    }

    /**
     * Where the run's commit is read: the suite's folder when it has one (its repository is the one whose commit
     * a baseline's anchor must name, even when perfgate runs from elsewhere), else the working directory.
     */
    static Path gitFolder(Suite suite) {
        String source = suite.source();
        if (source == null || source.startsWith("bundled:")) return Path.of("");
        Path folder = Path.of(source);
        return java.nio.file.Files.isDirectory(folder) ? folder : Path.of("");
    }

    /**
     * Runs every benchmark of an open suite in order, then the suite teardown (after a failure: best effort, and
     * the failure is thrown).
     */
    public static List<BenchmarkResult> run(SuiteDatabase db, Progress progress) {
        List<BenchmarkResult> results = new ArrayList<>();
        List<BenchmarkSpec> benchmarks = db.suite().benchmarks();
        try {
            for (int i = 0; i < benchmarks.size(); i++) {
                results.add(measure(db.benchmark(benchmarks.get(i)), i + 1, benchmarks.size(), progress));
            }
        } catch (RuntimeException e) {
            db.abandon();
            throw e;
        }
        db.finish();
        return results;
    }

    private static BenchmarkResult measure(BenchmarkRun run, int index, int count, Progress progress) {
        Settings s = run.settings();
        int warmup = s.warmupOrDefault();
        int total = warmup + s.iterationsOrDefault();
        ParamDraws draws = run.draws();
        List<Double> samples = new ArrayList<>(s.iterationsOrDefault());
        progress.benchmarkStarted(index, count, run.spec().name(), total);
        for (int it = 0; it < total; it++) {
            double sample = run.iteration(draws.next());
            if (it >= warmup) samples.add(sample);
            progress.iterationDone(it + 1, total);
        }
        Counters counters = run.counters(COUNTER_ITERATIONS);
        run.finish();
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        progress.benchmarkDone(run.spec().name(), Summary.median(values), s.unitOrDefault());
        return new BenchmarkResult(run.spec().name(), s.unitOrDefault(), s.directionOrDefault(), samples)
                .withCounters(counters);
    }

    /**
     * A run's results with what it was measured on and how: the commit, the session's environment, the suite's
     * settings after overrides, the machine's calibration and load, and the suite's folder when {@code recordFolder}
     * (so that accepting the results as a baseline finds the suite's baseline file).
     */
    static RunResult record(Session session, Suite suite, Settings overrides, boolean quick,
                            List<BenchmarkResult> benchmarks, GitInfo git, boolean recordFolder) {
        Settings s = suite.settings().overriddenBy(overrides);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("scale", s.scaleOrDefault());
        recorded.put("seed", s.seedOrDefault());
        recorded.put("statement_timeout_ms", s.timeoutOrDefault().toMillis());
        ServerSpec spec = session.spec();
        recorded.put("server", spec == null ? "external" : spec.embedded() ? "embedded" : "installation");
        if (spec != null && !spec.changedSettings().isEmpty()) recorded.put("server_settings", spec.changedSettings());
        if (spec != null && !spec.extensions().isEmpty()) {
            recorded.put("extensions", spec.extensions().stream().map(ExtensionBuild::describe).toList());
        }
        if (recordFolder && !suite.source().startsWith(SuiteReader.BUNDLED_PREFIX)) {
            recorded.put(RunSettings.SUITE_FOLDER_KEY, suite.source());
        }
        if (!Double.isNaN(session.calibrationMillis())) recorded.put(RunSettings.CALIBRATION_KEY, session.calibrationMillis());
        double load = session.loadAverage();
        if (!Double.isNaN(load)) recorded.put(RunSettings.LOAD_KEY, load);
        return new RunResult(suite.name(), Instant.now(), git, session.environment(),
                new RunSettings(s.iterationsOrDefault(), s.warmupOrDefault(), quick, recorded), benchmarks);
    }
}
