package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.Destination;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.stats.RelativeChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every comparison ends, in one place: the reports and the job summary written (through the one writer), the
 * run recorded in the history, and the exit code. Everything it writes to was checked before the run
 * ({@link #requireWritable}); if a write still fails afterwards, the verdict stands: a regression exits 1, never
 * 2, and the history still gets the run.
 */
final class Conclusion {

    private final List<Destination> reports;
    private final List<Destination> summary;
    private final HistoryStore history;
    private final Listener listener;
    private final String reportFolder;
    private final AnchorCheck anchor;

    /**
     * @param reports      the chosen reports; written when something was judged or reports were asked for
     * @param summary      the job summary's table; always written when there is a job summary
     * @param history      where the run is recorded; null not to record it (quick mode)
     * @param reportFolder the {@code --out} folder, for the note saying where the reports went; null when printed
     */
    Conclusion(List<Destination> reports, List<Destination> summary, HistoryStore history, Listener listener,
               String reportFolder) {
        this(reports, summary, history, listener, reportFolder, null);
    }

    private Conclusion(List<Destination> reports, List<Destination> summary, HistoryStore history, Listener listener,
                       String reportFolder, AnchorCheck anchor) {
        this.reports = reports;
        this.summary = summary;
        this.history = history;
        this.listener = listener;
        this.reportFolder = reportFolder;
        this.anchor = anchor;
    }

    /** This conclusion for a drift check: the history entry names the anchor and the budget. */
    Conclusion anchored(AnchorCheck check) {
        return new Conclusion(reports, summary, history, listener, reportFolder, check);
    }

    /** Where the run is recorded; null when it is not (quick mode). */
    HistoryStore history() {
        return history;
    }

    /** Refuses, before anything runs, any destination or history that could not be written. */
    void requireWritable() {
        ReportWriter.requireWritable(reports);
        ReportWriter.requireWritable(summary);
        if (history != null) history.requireWritable();
    }

    /**
     * Writes what the comparison calls for and returns the outcome.
     *
     * @param reportsAlways write the chosen reports even when nothing was judged (they were asked for)
     */
    CheckOutcome finish(ComparisonReport report, RunResult result, boolean reportsAlways) {
        boolean judged = report.benchmarks().stream().anyMatch(b -> b.verdict() != Verdict.NEW);
        if (report.strictEnvironmentViolated()) {
            throw new PerfgateException("baseline and current ran on different environments ("
                    + String.join("; ", report.environmentDifferences()) + ") and --strict-environment is set: "
                    + "re-run the baseline on this machine or drop --strict-environment");
        }
        List<String> failures = new ArrayList<>();
        if (judged || reportsAlways) {
            List<String> failed = ReportWriter.write(report, reports);
            failures.addAll(failed);
            if (reportFolder != null && failed.isEmpty()) listener.note("reports written to " + reportFolder);
        }
        List<String> summaryFailed = ReportWriter.write(report, summary);
        failures.addAll(summaryFailed);
        if (!summary.isEmpty() && summaryFailed.isEmpty()) listener.note("verdict table added to the job summary");
        if (history != null) {
            try {
                history.append(judged ? new HistoryEntry(result, report.verdict().jsonName(), verdicts(report),
                        changes(report), anchor) : HistoryEntry.unchecked(result));
                listener.note("run appended to history " + history.description());
            } catch (PerfgateException e) {
                failures.add(e.getMessage());
            }
        }
        int exitCode = report.verdict().exitCode();
        if (failures.isEmpty()) return new CheckOutcome(exitCode, report, result);
        // one line, as every failure: the first, and how many more (a full disk fails every output alike)
        String line = failures.get(0) + (failures.size() == 1 ? "" : " (and " + (failures.size() - 1) + " more "
                + "output" + (failures.size() == 2 ? "" : "s") + " could not be written)");
        if (exitCode != 0) {
            listener.warn(line); // the verdict stands: a regression is never reported as an error
            return new CheckOutcome(exitCode, report, result);
        }
        listener.note(line);
        return new CheckOutcome(PerfgateException.CANNOT_RUN, report, result);
    }

    /**
     * Benchmark name to its paired change and interval, for an A/B comparison (the drift ledger and the pull
     * request's budget line read them back); empty for a comparison with a stored baseline.
     */
    static Map<String, ChangeEstimate> changes(ComparisonReport report) {
        Map<String, ChangeEstimate> changes = new LinkedHashMap<>();
        if (report.mode() != ComparisonReport.Mode.AB) return changes;
        for (BenchmarkComparison b : report.benchmarks()) {
            RelativeChange c = b.statistics().change();
            if (Double.isFinite(c.estimate()) && c.estimate() > -1) {
                changes.put(b.name(), new ChangeEstimate(c.estimate(), c.low(), c.high()));
            }
        }
        return changes;
    }

    /** Benchmark name to verdict name, as the history keeps them. */
    static Map<String, String> verdicts(ComparisonReport report) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (BenchmarkComparison b : report.benchmarks()) verdicts.put(b.name(), b.verdict().jsonName());
        return verdicts;
    }
}
