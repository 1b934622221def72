package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.analysis.RunNoise;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.bench.AbRun;
import dev.perfgate.format.Numbers;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.history.NoiseFromHistory;
import dev.perfgate.imports.Importers;
import dev.perfgate.io.Outputs;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.Shard;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--run-noise", paramLabel = "SHARE", defaultValue = "25%",
            description = "Run-to-run scatter of a benchmark's median to assume until the history holds 5 earlier "
                    + "runs on this machine, e.g. 25%% (the default, for shared CI machines) or 0 to trust a single run.")
    String runNoise;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline to compare with (default: SUITE/baseline.json, or perfgate-baselines/NAME.json "
                    + "for a bundled suite).")
    Path baseline;

    @Option(names = "--require-baseline",
            description = "Fail (exit 2) when there is no baseline to compare with, instead of passing.")
    boolean requireBaseline;

    @Mixin
    AgainstOptions ab = new AgainstOptions();

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        requireWritableOutputs();
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
        Path baselineFile = baseline;
        if (s != null && baselineFile == null) baselineFile = Baselines.location(suite.suite, s.name());
        if (baselineFile != null) requireBaselineOrSay(baselineFile);
        RunResult result = s != null ? suite.marked(suite.measure(s, console, quick, quick ? QUICK_ITERATIONS : null))
                : Imports.load(importArgs.get(0), importArgs.subList(1, importArgs.size()).stream().map(Path::of).toList(),
                true, console);
        if (baselineFile == null) {
            baselineFile = Baselines.location(null, result.suite());
            requireBaselineOrSay(baselineFile);
        }
        ResultsJson.write(result, output);
        console.err().println("perfgate: results written to " + output);
        Policy p = policy.policy(s == null ? Settings.EMPTY : s.settings());
        ComparisonReport report = Files.exists(baselineFile) ? compareWithBaseline(baselineFile, result, p)
                : firstRun(baselineFile, result, p);
        return finish(report, result);
    }

    /** The comparison with a stored baseline, its interval widened by the run-to-run noise this machine shows. */
    private ComparisonReport compareWithBaseline(Path baselineFile, RunResult result, Policy p) {
        Baseline base = BaselineJson.read(baselineFile);
        Shard shard = suite.shard();
        RunResult baseRun = shard == null ? base.run() : shard.select(base.run());
        String unrelated = RegressionCheck.nothingInCommon(baseRun, result);
        if (unrelated != null) {
            throw new PerfgateException("baseline " + baselineFile + " " + unrelated + ": is it another suite's "
                    + "baseline? Give the right one with --baseline, or accept this run as the baseline");
        }
        console.out().println("Baseline " + baselineFile + ":");
        console.out().println(Baselines.describe(base));
        NoiseFromHistory.Estimate noise = NoiseFromHistory.estimate(history.open(), result, assumedNoise());
        ComparisonReport report = RegressionCheck.compare(baseRun, result, p, noise.sigmas());
        if (!noise.assumedFor().isEmpty()) {
            report = report.withWarning(String.format(Locale.ROOT, "fewer than %d earlier runs of this suite on this "
                    + "machine in the history, so %s run-to-run noise was assumed for %s (--run-noise): each run "
                    + "of unchanged code on a shared machine moves a median by that much, and this comparison sees "
                    + "only changes beyond it (see 'could detect'); 'check --against REF' measures both versions in "
                    + "one session and sees far smaller changes", RunNoise.MIN_RUNS, runNoise,
                    Numbers.count(noise.assumedFor().size(), "benchmark", "benchmarks")));
        }
        return report;
    }

    /** No baseline yet: every benchmark is new, the run passes, and the reports say so (and how to fix it). */
    private ComparisonReport firstRun(Path baselineFile, RunResult result, Policy p) {
        console.out().print(RunTable.render(result));
        String accept = "perfgate baseline accept " + output + (baseline != null ? " --baseline " + baseline : "")
                + " --reason \"first baseline\"";
        console.out().println("No baseline at " + baselineFile + " yet, so no verdict: this run passes. Make this run "
                + "the baseline with: " + accept);
        RunResult nothing = new RunResult(result.suite(), null, null, null, null, List.of());
        ComparisonReport report = RegressionCheck.compare(nothing, result, p).withWarning("NO BASELINE: there is "
                + "nothing at " + baselineFile + " to compare with, so this check passes without judging anything; "
                + "accept one with '" + accept + "', or compare in one session with 'check --against REF'");
        if (console.ci()) console.warn(report.warnings().get(report.warnings().size() - 1));
        return report;
    }

    private int finish(ComparisonReport report, RunResult result) {
        boolean judged = report.benchmarks().stream().anyMatch(b -> b.verdict() != Verdict.NEW);
        int exitCode = judged || reports.requested() ? Verdicts.finish(report, result.suite(), reports, console)
                : report.verdict().exitCode();
        StepSummary.append(report, console);
        remember(judged ? new HistoryEntry(result, report.verdict().jsonName(), benchmarkVerdicts(report))
                : HistoryEntry.unchecked(result));
        return exitCode;
    }

    /** Every file this check will write can be written: found out now, not after a run of several minutes. */
    private void requireWritableOutputs() {
        Outputs.requireWritableFile(output, "-o");
        if (ab.active()) Outputs.requireWritableFile(ab.baseOutput, "--base-output");
        if (reports.out != null) Outputs.requireWritableFolder(reports.out, "--out " + reports.out);
        reports.chosen();
        if (!quick && !history.location.contains("://")) {
            Outputs.requireWritableFile(Path.of(history.location), "--history");
        }
    }

    private void requireBaselineOrSay(Path baselineFile) {
        if (!requireBaseline || Files.exists(baselineFile)) return;
        throw new PerfgateException("no baseline at " + baselineFile + " and --require-baseline is set: accept one "
                + "with 'perfgate baseline accept RESULTS --reason TEXT', or give one with --baseline");
    }

    /** The run-to-run noise to assume until the history has measured it; 0 to trust a single run. */
    private double assumedNoise() {
        if (runNoise.trim().matches("0*\\.?0*%?")) return 0;
        return Settings.threshold("--run-noise", runNoise.trim(), "option", 0);
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
        return finish(RegressionCheck.comparePaired(outcome.base(), outcome.candidate(), p), outcome.candidate());
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
