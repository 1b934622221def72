package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.analysis.RunNoise;
import dev.perfgate.format.Numbers;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.history.NoiseFromHistory;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code Check} is the use case of {@code perfgate check}: every decision of a check is here. In order: everything
 * is checked before anything runs (outputs, the suite or the imported files, the policy, the baseline: parsed, of
 * the same suite, with benchmarks in common); then the run is measured (or imported), its results written, compared
 * with the stored baseline (its interval widened by the run-to-run noise the history shows) or, with no baseline
 * yet, passed and said so; last the reports, the job summary and the history ({@link Conclusion}), and the exit
 * code. With {@link CheckRequest#against} the comparison is A/B in one session ({@link AbCheck}).
 */
public final class Check {

    private final Engine engine;
    private final Listener listener;

    public Check(Engine engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    public CheckOutcome run(CheckRequest request) {
        CheckRequest.Drift drift = request.drift();
        if (!drift.againstAnchor() && request.against() == null
                && (drift.budget() != null || drift.failOnBudget() || drift.mainHistory() != null)) {
            throw new PerfgateException("--drift-budget, --fail-on-budget and --budget-history judge drift, which only "
                    + "an A/B check measures: add --against-anchor (main's drift) or --against REF (a change and "
                    + "the budget left), or leave them out");
        }
        if (drift.againstAnchor()) return DriftCheck.run(engine, listener, request);
        if (request.against() != null) return new AbCheck(engine, listener).run(request);
        Prepared p = prepare(request);
        if (p.suite() != null && request.subject() instanceof Subject.Measured m && m.selection().emptyShard(p.suite())) {
            return emptyShard(m.selection(), p.suite(), listener);
        }
        RunResult result = p.imported() != null ? p.imported() : measure((Subject.Measured) request.subject(),
                p.suite(), request.quick());
        ResultsJson.write(result, request.results());
        listener.note("results written to " + request.results());
        ComparisonReport report = p.baseline() != null ? compareWithBaseline(p, result, request)
                : firstRun(p.baselineFile(), result, p.policy(), request);
        if (request.subject() instanceof Subject.Measured m) {
            report = withTimingWarnings(report, List.of(m.side().server().forSuite(p.suite().serverSettings())));
            report = withAttributionOff(report, p.suite().settings().overriddenBy(m.overrides()));
        }
        return p.conclusion().finish(report, result, request.reports().requested());
    }

    /** What was found out before anything ran. */
    private record Prepared(Suite suite, RunResult imported, Policy policy, Path baselineFile, Baseline baseline,
                            RunResult baseRun, Conclusion conclusion) {
    }

    /** Everything checked, in the order a user fixes things: outputs, inputs, policy, baseline. */
    private Prepared prepare(CheckRequest r) {
        ResultFiles.requireWritable(r.results(), "-o");
        r.reports().chosen();
        Suite suite = null;
        RunResult imported = null;
        Path explicit = r.judging().baseline();
        if (explicit != null && !Files.exists(explicit)) {
            throw new PerfgateException("--baseline " + explicit + " does not exist: give an existing baseline, or "
                    + "leave the option out to run without one");
        }
        if (r.subject() instanceof Subject.Measured m) {
            suite = m.selection().apply(Suites.read(m.side().suite()));
        } else {
            Subject.Imported i = (Subject.Imported) r.subject();
            if (i.selection().shard() != null) {
                throw new PerfgateException("--shard splits a suite that perfgate runs; --import gates results that "
                        + "were already measured: leave out one of them");
            }
            imported = i.selection().apply(Imports.load(i.format(), i.files(), true, listener));
        }
        String suiteName = suite != null ? suite.name() : imported.suite();
        Conclusion conclusion = conclusion(r, suiteName, listener);
        conclusion.requireWritable();
        Policy policy = r.policy().policy(suite == null ? Settings.EMPTY : suite.settings());
        Path baselineFile = explicit != null ? explicit
                : Baselines.location(r.subject() instanceof Subject.Measured m
                ? Suites.folder(m.side().suite()) : null, suiteName);
        if (r.judging().requireBaseline() && !Files.exists(baselineFile)) {
            throw new PerfgateException("no baseline at " + baselineFile + " and --require-baseline is set: accept one "
                    + "with 'perfgate baseline accept RESULTS --reason TEXT', or give one with --baseline");
        }
        if (!Files.exists(baselineFile)) return new Prepared(suite, imported, policy, baselineFile, null, null, conclusion);
        Baseline baseline = BaselineJson.read(baselineFile);
        RunResult baseRun = r.subject().selection().apply(baseline.run());
        List<String> names = suite != null ? Suites.names(suite) : Suites.names(imported);
        String unrelated = Suites.nothingInCommon(Suites.names(baseRun), names);
        if (unrelated != null) {
            throw new PerfgateException("baseline " + baselineFile + " " + unrelated + ": is it another suite's "
                    + "baseline? Give the right one with --baseline, or accept this run as the baseline");
        }
        return new Prepared(suite, imported, policy, baselineFile, baseline, baseRun, conclusion);
    }

    private RunResult measure(Subject.Measured m, Suite suite, boolean quick) {
        Server server = m.side().server().forSuite(suite.serverSettings());
        return m.selection().mark(engine.run(suite, server, quickOverrides(m.overrides(), quick), quick));
    }

    /** The comparison with a stored baseline, its interval widened by the run-to-run noise this machine shows. */
    private ComparisonReport compareWithBaseline(Prepared p, RunResult result, CheckRequest r) {
        listener.print("Baseline " + p.baselineFile() + ":\n" + Baselines.describe(p.baseline()) + "\n");
        NoiseFromHistory.Estimate noise = NoiseFromHistory.estimate(HistoryStore.open(r.history()), result,
                r.judging().runNoise());
        ComparisonReport report = RegressionCheck.compare(p.baseRun(), result, p.policy(), noise.sigmas());
        if (noise.assumedFor().isEmpty()) return report;
        return report.withWarning(String.format(Locale.ROOT, "fewer than %d earlier runs of this suite on this "
                + "machine in the history, so %s run-to-run noise was assumed for %s (--run-noise): each run "
                + "of unchanged code on a shared machine moves a median by that much, and this comparison sees "
                + "only changes beyond it (see 'could detect'); 'check --against REF' measures both versions in "
                + "one session and sees far smaller changes", RunNoise.MIN_RUNS, Numbers.share(r.judging().runNoise()),
                Numbers.count(noise.assumedFor().size(), "benchmark", "benchmarks")));
    }

    /**
     * No baseline yet: every benchmark is new, nothing is compared (the reports and CI say "nothing compared", not
     * "pass"), the exit code is 0 (a first run must not go red), and the one NO BASELINE warning says how to fix it,
     * in the reports or, with none asked for, printed.
     */
    private ComparisonReport firstRun(Path baselineFile, RunResult result, Policy policy, CheckRequest r) {
        listener.print(RunTable.render(result));
        String accept = "perfgate baseline accept " + r.results() + (r.judging().baseline() != null
                ? " --baseline " + r.judging().baseline() : "") + " --reason \"first baseline\"";
        RunResult nothing = new RunResult(result.suite(), null, null, null, null, List.of());
        String warning = "NO BASELINE: there is nothing at " + baselineFile + " to compare with, so nothing was "
                + "compared (exit code 0, not a pass); accept a reviewed baseline with '" + accept + "', or compare in "
                + "one session with 'check --against REF'";
        // reports asked for carry the warning (the terminal table too, with --out); with none, no table is printed
        // for a run that judged nothing, so the warning is printed here: either way, once
        if (!r.reports().requested()) listener.print(warning + "\n");
        return RegressionCheck.compare(nothing, result, policy).withWarning(warning);
    }

    /** The report with a line for each server setting that makes its timings say little about production. */
    /** {@code report} with the line saying why attribution is off, when the counters turned it off. */
    static ComparisonReport withAttributionOff(ComparisonReport report, Settings settings) {
        String why = settings.attributionOffReason();
        return why == null ? report : report.withWarning(why);
    }

    static ComparisonReport withTimingWarnings(ComparisonReport report, List<Server> servers) {
        ComparisonReport r = report;
        for (String w : servers.stream().flatMap(s -> s.timingWarnings().stream()).distinct().toList()) {
            r = r.withWarning(w);
        }
        return r;
    }

    /** The run settings of a check: in quick mode, few iterations unless --iterations says otherwise. */
    static Settings quickOverrides(Settings overrides, boolean quick) {
        if (!quick) return overrides;
        return Settings.fromOptions(Defaults.QUICK_ITERATIONS, null, null, null, null).overriddenBy(overrides);
    }

    /** Where a check's reports, job summary and history go; the history is not written in quick mode. */
    static Conclusion conclusion(CheckRequest r, String suiteName, Listener listener) {
        return new Conclusion(r.reports().reports(suiteName, listener), r.reports().summary(),
                r.quick() ? null : HistoryStore.open(r.history()), listener,
                r.reports().out() == null ? null : r.reports().out().toString());
    }

    /** Says that the shard holds nothing: not an error, the other shards' results are complete without it. */
    static CheckOutcome emptyShard(Selection selection, Suite suite, Listener listener) {
        listener.print("Shard " + selection.shard() + " holds none of the benchmarks of " + suite.source()
                + ": nothing to run, no results written.\n");
        return CheckOutcome.NOTHING_RAN;
    }
}
