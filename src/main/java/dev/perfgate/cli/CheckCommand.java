package dev.perfgate.cli;

import dev.perfgate.history.NoiseFromHistory;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RunNoise;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.AbRun;
import dev.perfgate.imports.Importers;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.Shard;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code perfgate check [SUITE]}: the CI entry point: run, write results, compare with the baseline, gate. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run a suite (default: the bundled demo suite on an embedded PostgreSQL), write its results, "
                + "compare them with the baseline and exit 1 on a regression.")
final class CheckCommand implements Callable<Integer> {

    /** Iterations per benchmark in quick mode: enough for a median, far too few for fine verdicts. */
    static final int QUICK_ITERATIONS = 5;

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Mixin
    PolicyOptions policy;

    @Mixin
    ReportOptions reports;

    @Mixin
    HistoryCommand.Location history = new HistoryCommand.Location();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = RunCommand.DEFAULT_RESULTS;

    @Option(names = "--quick", description = "Rapid feedback while developing: 5 iterations unless "
            + "--iterations says otherwise; labelled low confidence, fails only on gross regressions, never written "
            + "to history.")
    boolean quick;

    @Option(names = "--import", arity = "2..*", paramLabel = "FORMAT FILE",
            description = "Gate another harness's results instead of running a suite: FORMAT (one of "
                    + "${COMPLETION-CANDIDATES}, see 'perfgate import --help') and its output file(s).",
            completionCandidates = Importers.Names.class)
    List<String> importArgs;

    @Option(names = "--run-noise", paramLabel = "SHARE", defaultValue = "10%",
            description = "Run-to-run scatter of a benchmark's median to assume until the history holds 5 earlier "
                    + "runs on this machine, e.g. 10% (default) or 0 to trust a single run.")
    String runNoise;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline to compare with (default: SUITE/baseline.json, or perfgate-baselines/NAME.json "
                    + "for a bundled suite).")
    Path baseline;

    private String acceptTarget(Path baselineFile) {
        return suite.suite != null ? " --suite " + suite.suite : baseline != null ? " --baseline " + baselineFile : "";
    }

    CheckCommand(Console console) {
        this.console = console;
    }

    @Mixin
    AgainstOptions ab = new AgainstOptions();

    @Override
    public Integer call() {
        if (ab.active()) return abCheck();
        if (baseline != null && !Files.exists(baseline)) {
            throw new PerfgateException("--baseline " + baseline + " does not exist: give an existing baseline, or "
                    + "leave the option out to run without one");
        }
        if (importArgs != null && suite.shardOption != null) {
            throw new PerfgateException("--shard splits a suite that perfgate runs; --import gates results that were "
                    + "already measured: leave out one of them");
        }
        Suite s = importArgs == null ? suite.read() : null;
        if (s != null && suite.nothingInShard(s, console)) return 0;
        RunResult result = s != null ? suite.marked(suite.measure(s, console, quick, quick ? QUICK_ITERATIONS : null))
                : Imports.load(importArgs.get(0), importArgs.subList(1, importArgs.size()).stream().map(Path::of).toList(),
                true, console);
        Path baselineFile = baseline != null ? baseline : Baselines.defaultPath(suite.suite, result.suite());
        ResultsJson.write(result, output);
        console.err().println("perfgate: results written to " + output);
        if (!Files.exists(baselineFile)) {
            console.out().print(RunTable.render(result));
            console.out().println("No baseline at " + baselineFile + " yet, so no verdict: this run passes. Make this run "
                    + "the baseline with: perfgate baseline accept " + output + acceptTarget(baselineFile)
                    + " --reason \"first baseline\"");
            remember(HistoryEntry.unchecked(result));
            return 0;
        }
        Baseline base = BaselineJson.read(baselineFile);
        console.out().println("Baseline " + baselineFile + ":");
        console.out().println(Baselines.describe(base));
        Shard shard = suite.shard();
        ComparisonReport report = RegressionCheck.compare(shard == null ? base.run() : shard.select(base.run()), result,
                policy.policy(s == null ? Settings.EMPTY : s.settings()),
                runNoise(result));
        int exitCode = Verdicts.finish(report, result.suite(), reports, console);
        StepSummary.append(report, console);
        remember(new HistoryEntry(result, report.verdict().jsonName(), benchmarkVerdicts(report)));
        return exitCode;
    }

    /** {@code check --against}: both versions in one session, judged on the pairs; no stored baseline is read. */
    private int abCheck() {
        if (baseline != null) {
            throw new PerfgateException("--baseline and --against both name what to compare with: --against measures "
                    + "the base now, next to the candidate; leave out one of them");
        }
        if (importArgs != null) {
            throw new PerfgateException("--import gates results that were already measured; --against measures both "
                    + "versions now: leave out one of them");
        }
        Suite s = suite.read();
        if (suite.nothingInShard(s, console)) return 0;
        Policy p = policy.policy(s.settings());
        AbRun.Outcome outcome = ab.measure(s, suite, console, quick, quick ? QUICK_ITERATIONS : null, p, output);
        ComparisonReport report = RegressionCheck.comparePaired(outcome.base(), outcome.candidate(), p);
        int exitCode = Verdicts.finish(report, s.name(), reports, console);
        StepSummary.append(report, console);
        remember(new HistoryEntry(outcome.candidate(), report.verdict().jsonName(), benchmarkVerdicts(report)));
        return exitCode;
    }

    /**
     * Each benchmark's run-to-run noise: measured from the history where it holds enough comparable runs, else
     * the assumed {@code --run-noise} (a first comparison cannot know how much this machine scatters).
     */
    private Map<String, Double> runNoise(RunResult result) {
        Map<String, Double> noise = new LinkedHashMap<>(NoiseFromHistory.estimate(history.open(), result));
        if (runNoise.trim().matches("0*\\.?0*%?")) return noise; // --run-noise 0: trust a single run
        double assumed = Settings.fraction("--run-noise", runNoise.trim(), "option", 0);
        List<String> assumedFor = new ArrayList<>();
        for (var b : result.benchmarks()) {
            if (!noise.containsKey(b.name())) {
                noise.put(b.name(), Math.log1p(assumed));
                assumedFor.add(b.name());
            }
        }
        if (!assumedFor.isEmpty()) {
            console.warn(String.format(Locale.ROOT, "fewer than %d earlier runs of this suite on this machine in the "
                    + "history: assuming %s run-to-run noise for %d benchmark(s) (--run-noise)", RunNoise.MIN_RUNS,
                    runNoise, assumedFor.size()));
        }
        return noise;
    }

    /** Appends the run to the history, except in quick mode, whose few samples would only blur the trends. */
    private void remember(HistoryEntry entry) {
        if (quick) return;
        HistoryStore store = history.open();
        store.append(entry);
        console.err().println("perfgate: run appended to history " + store.description());
    }

    static Map<String, String> benchmarkVerdicts(ComparisonReport report) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (BenchmarkComparison b : report.benchmarks()) verdicts.put(b.name(), b.verdict().jsonName());
        return verdicts;
    }
}
