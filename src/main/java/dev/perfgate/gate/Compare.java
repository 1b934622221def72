package dev.perfgate.gate;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;

/**
 * {@code Compare} is the use case of {@code perfgate compare}: both files read and checked to share a benchmark,
 * the outputs checked, then the verdict; the two sides of one A/B session (e.g. merged from shards) are compared
 * pair by pair. A quick run is never recorded in the history.
 */
public final class Compare {

    private final Listener listener;

    public Compare(Listener listener) {
        this.listener = listener;
    }

    public CheckOutcome run(CompareRequest r) {
        RunResult base = ResultsJson.read(r.baseline());
        RunResult current = ResultsJson.read(r.results());
        Suites.requireCommon(base, current, r.baseline().toString(), "are they results of the same suite? Compare "
                + "runs of one suite");
        r.reports().chosen();
        Policy policy = r.policy().policy(Settings.EMPTY);
        HistoryStore history = r.history() == null ? null : HistoryStore.open(r.history());
        new Conclusion(r.reports().reports(current.suite(), listener), r.reports().summary(), history, listener,
                null).requireWritable();
        boolean paired = base.ab() != null && base.ab().isBaseOf(current.ab());
        ComparisonReport report = paired ? RegressionCheck.comparePaired(base, current, policy)
                : RegressionCheck.compare(base, current, policy);
        Conclusion conclusion = new Conclusion(r.reports().reports(current.suite(), listener), r.reports().summary(),
                report.quick() ? null : history, listener, r.reports().out() == null ? null : r.reports().out().toString());
        return conclusion.finish(report, current, true);
    }
}
