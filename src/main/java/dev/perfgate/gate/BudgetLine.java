package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.BenchmarkComparison;
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
        if (main == null) return report;
        String worstName = null;
        ChangeEstimate worst = null;
        ChangeEstimate drift = null;
        ChangeEstimate change = null;
        for (BenchmarkComparison b : report.benchmarks()) {
            ChangeEstimate d = main.changes().get(b.name());
            ChangeEstimate c = Conclusion.changes(report).get(b.name());
            if (d == null || c == null) continue;
            ChangeEstimate total = DriftBudget.compose(d, c);
            if (worst == null || total.change() > worst.change()) {
                worstName = b.name();
                worst = total;
                drift = d;
                change = c;
            }
        }
        if (worst == null) return report;
        DriftBudget.Standing standing = DriftBudget.Standing.of(worst.change(), budget);
        boolean over = standing == DriftBudget.Standing.OVER;
        String line = "BUDGET: drift since anchor " + Numbers.percent(drift.change()) + " (main at "
                + DriftCheck.shortCommit(main.commit()) + ", measured " + age(main.at()) + ") + this change "
                + Numbers.percent(change.change()) + " ≈ " + Numbers.percent(worst.change()) + " "
                + Numbers.interval(worst.low(), worst.high()) + " in " + worstName + ": "
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
