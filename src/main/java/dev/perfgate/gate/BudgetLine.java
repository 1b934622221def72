package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.DriftBudget;
import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.format.Numbers;
import dev.perfgate.history.DriftHistory;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.ChangeEstimate;
import dev.perfgate.suite.Suite;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code BudgetLine} adds to a pull request's A/B check ({@code check --against BASE}) the budget left: main's last
 * drift since the anchor (the latest drift check in the history) composed with this change's own paired estimate
 * ({@link DriftBudget#compose}), for the benchmark where the sum is largest. Over the budget it warns, or fails with
 * {@code --fail-on-budget}; the line says how old main's figure is, since it may predate the pull request's base.
 * Without a drift check in the history nothing is added.
 */
final class BudgetLine implements AbCheck.Judging {

    private final CheckRequest request;
    private final Listener listener;
    private String suite;
    private double budget;

    BudgetLine(CheckRequest request, Listener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public Policy policy(Suite suite, Policy asked) {
        this.suite = suite.name();
        this.budget = DriftCheck.budget(request, suite, asked);
        return asked;
    }

    @Override
    public ComparisonReport judged(ComparisonReport report) {
        DriftLedger.AnchorRun main = lastDrift();
        Sum sum = main == null ? null : largest(main, Conclusion.changes(report));
        if (sum == null) return report;
        DriftBudget.Standing standing = DriftBudget.Standing.of(sum.total().change(), budget);
        boolean over = standing == DriftBudget.Standing.OVER;
        String line = "BUDGET: drift since anchor " + Numbers.percent(sum.drift().change()) + " (main at "
                + DriftCheck.shortCommit(main.commit()) + ", measured " + age(main.at()) + ") + this change "
                + Numbers.percent(sum.change().change()) + " ≈ " + Numbers.percent(sum.total().change()) + " "
                + Numbers.interval(sum.total().low(), sum.total().high()) + " in " + sum.name() + ": "
                + (over ? "over the " + Numbers.share(budget) + " budget" + (request.drift().failOnBudget()
                ? " (--fail-on-budget: fails)" : " (warns; --fail-on-budget fails)")
                : standing == DriftBudget.Standing.NEAR ? "more than half of the " + Numbers.share(budget) + " budget"
                : "within the " + Numbers.share(budget) + " budget");
        listener.print(line + "\n");
        ComparisonReport withLine = report.withWarning(line);
        if (!over) return withLine;
        OverallVerdict verdict = request.drift().failOnBudget() ? OverallVerdict.FAIL
                : withLine.verdict() == OverallVerdict.PASS ? OverallVerdict.WARN : withLine.verdict();
        return new ComparisonReport(verdict, withLine.quick(), withLine.environmentMismatch(),
                withLine.environmentDifferences(), withLine.warnings(), withLine.benchmarks(), withLine.policy(),
                withLine.mode(), withLine.ab());
    }

    /** Main's drift and this change of one benchmark, and the two composed. */
    private record Sum(String name, ChangeEstimate drift, ChangeEstimate change, ChangeEstimate total) {
    }

    /** The benchmark whose drift and change add up to the most; null when no benchmark has both. */
    private static Sum largest(DriftLedger.AnchorRun main, Map<String, ChangeEstimate> changes) {
        Sum largest = null;
        for (Map.Entry<String, ChangeEstimate> c : changes.entrySet()) {
            ChangeEstimate d = main.changes().get(c.getKey());
            if (d == null) continue;
            ChangeEstimate total = DriftBudget.compose(d, c.getValue());
            if (largest == null || total.change() > largest.total().change()) {
                largest = new Sum(c.getKey(), d, c.getValue(), total);
            }
        }
        return largest;
    }

    @Override
    public Conclusion conclusion(Conclusion plain) {
        return plain;
    }

    /** Main's latest drift check of this suite, or null; a history that cannot be read only loses the line. */
    private DriftLedger.AnchorRun lastDrift() {
        try {
            String main = request.drift().mainHistory() != null ? request.drift().mainHistory() : request.history();
            return DriftHistory.latest(HistoryStore.open(main), suite, listener::note);
        } catch (PerfgateException e) {
            listener.note("no budget line: " + e.getMessage());
            return null;
        }
    }

    private static String age(Instant at) {
        if (at == null) return "at an unknown time";
        Duration d = Duration.between(at, Instant.now());
        if (d.toDays() >= 1) return Numbers.count(d.toDays(), "day", "days") + " ago";
        if (d.toHours() >= 1) return Numbers.count(d.toHours(), "hour", "hours") + " ago";
        return Numbers.count(Math.max(0, d.toMinutes()), "minute", "minutes") + " ago";
    }
}
