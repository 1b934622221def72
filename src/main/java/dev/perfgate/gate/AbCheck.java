package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.AbRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Suite;

import java.util.List;

/**
 * {@code AbCheck} is {@code perfgate check --against}: both versions measured in one session and judged on the
 * pairs ({@link RegressionCheck#comparePaired}); no stored baseline is read. Checked before anything runs: the
 * options that contradict it, the outputs, the suite, the policy and the base side's suite.
 */
final class AbCheck {

    private final Engine engine;
    private final Listener listener;

    AbCheck(Engine engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /**
     * What one kind of A/B check adds to the plain comparison: the policy it judges by, lines and verdicts on the
     * judged report, and what the history records. A pull request's check adds its budget line
     * ({@link BudgetLine}); a drift check judges by the budget and records the anchor ({@link DriftCheck}).
     */
    interface Judging {
        /** The policy to judge {@code suite} by, given the one the options and the suite's settings ask for. */
        Policy policy(Suite suite, Policy asked);

        /** The judged report, with what this kind of check adds. */
        ComparisonReport judged(ComparisonReport report);

        /** Where and how the run is recorded; asked after {@link #policy}. */
        Conclusion conclusion(Conclusion plain);

        /**
         * True when the report says that the change updates the suite's baseline ({@link BaselineChange}): a
         * pull request's check; not a drift check, whose base (the anchor) precedes every accepted baseline.
         */
        default boolean notesBaselineChange() {
            return true;
        }
    }

    /** A plain {@code check --against}, with the drift budget's line when the history has main's last drift. */
    CheckOutcome run(CheckRequest r) {
        return run(r, new BudgetLine(r, listener));
    }

    CheckOutcome run(CheckRequest r, Judging judging) {
        if (r.judging().baseline() != null) {
            throw new PerfgateException("--baseline and --against both name what to compare with: --against measures "
                    + "the base now, next to the candidate; leave out one of them");
        }
        if (!(r.subject() instanceof Subject.Measured m)) {
            throw new PerfgateException("--import gates results that were already measured; --against measures both "
                    + "versions now: leave out one of them");
        }
        Suite suite = m.selection().apply(Suites.read(m.side().suite()));
        r.reports().chosen();
        Policy policy = judging.policy(suite, r.policy().policy(suite.settings()));
        Conclusion conclusion = judging.conclusion(Check.conclusion(r, suite.name(), listener));
        if (m.selection().emptyShard(suite)) return Check.emptyShard(m.selection(), suite, listener);
        try (AbSession session = AbSession.prepare(m.side(), suite, m.selection(), r.against(), r.results())) {
            conclusion.requireWritable();
            if (session.absentBase() != null) return newSuite(r, m, suite, policy, conclusion, session.absentBase());
            if (session.serversDiffer()) policy = policy.with(v -> v.gateCounters = false);
            String identical = session.identical();
            if (identical != null) listener.warn(identical);
            AbRun.Outcome outcome = session.measure(engine, Check.quickOverrides(m.overrides(), r.quick()), r.quick(),
                    policy, r.results(), listener);
            ComparisonReport report = FailedAtBase.mark(RegressionCheck.comparePaired(outcome.base(),
                    outcome.candidate(), policy), outcome.baseFailures());
            if (identical != null) report = report.withWarning(identical);
            for (String w : engine.measurementWarnings()) report = report.withWarning(w);
            report = Check.withAttributionOff(report, suite.settings().overriddenBy(m.overrides()));
            report = judging.judged(Check.withTimingWarnings(report, session.servers()));
            if (judging.notesBaselineChange()) {
                report = BaselineChange.noted(report, Suites.folder(m.side().suite()), suite.name(),
                        session.baseCommit());
            }
            return conclusion.finish(report, outcome.candidate(), r.reports().requested());
        }
    }

    /**
     * The change adds the suite: there is nothing to compare with, which is no error (the pull request that adds a
     * suite must not fail for it). The candidate is measured, its results written, and every benchmark is new.
     */
    private CheckOutcome newSuite(CheckRequest r, Subject.Measured m, Suite suite, Policy policy, Conclusion conclusion,
                                  String why) {
        RunResult result = m.selection().mark(engine.run(suite, m.side().server().forSuite(suite.serverSettings()),
                Check.quickOverrides(m.overrides(), r.quick()), r.quick()));
        ResultsJson.write(result, r.results());
        listener.note("results written to " + r.results());
        listener.print(RunTable.render(result));
        String line = "NEW SUITE: " + why + ", so there is nothing to compare with: the candidate was measured "
                + "and passes; the next change is compared with it";
        listener.print(line + "\n");
        RunResult nothing = new RunResult(result.suite(), null, null, null, null, List.of());
        return conclusion.finish(RegressionCheck.compare(nothing, result, policy).withWarning(line), result,
                r.reports().requested());
    }
}
