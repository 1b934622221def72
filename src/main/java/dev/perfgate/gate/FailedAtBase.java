package dev.perfgate.gate;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code FailedAtBase} marks the benchmarks that failed on the base side of an A/B check ({@code AbRun.Outcome
 * #baseFailures}). The base is the code before the change, so its error is not the change's: the other benchmarks
 * are judged, and this one is named as not compared, with its error and what to do. The check warns rather than
 * passes, so that a benchmark that was not looked at is never mistaken for one that was ok.
 */
final class FailedAtBase {

    /** The verdict cell and the note's first words, the same in every report. */
    static final String NOT_COMPARED = dev.perfgate.report.Formats.NOT_COMPARED;

    private FailedAtBase() {
    }

    /** {@code report} with each of {@code failures} (name to error) marked, a warning, and at least a warning. */
    static ComparisonReport mark(ComparisonReport report, Map<String, String> failures) {
        if (failures.isEmpty()) return report;
        List<BenchmarkComparison> marked = new ArrayList<>();
        for (BenchmarkComparison b : report.benchmarks()) {
            String error = failures.get(b.name());
            marked.add(error == null ? b : b.failingAtBase(error, List.of(NOT_COMPARED + ": " + error
                    + "; the candidate was measured alone")));
        }
        OverallVerdict overall = report.verdict() == OverallVerdict.PASS ? OverallVerdict.WARN : report.verdict();
        return report.with(overall, marked).withWarning(warning(failures));
    }

    /** E.g. {@code FAILS AT THE BASE: broken (broken.sql:2: ERROR: ...) ...: fix it at the base, or ...}. */
    static String warning(Map<String, String> failures) {
        List<String> each = new ArrayList<>();
        failures.forEach((name, error) -> each.add(name + " (" + error + ")"));
        boolean one = failures.size() == 1;
        return "FAILS AT THE BASE: " + String.join("; ", each) + ": " + (one ? "this benchmark fails" : "these "
                + "benchmarks fail") + " on the base side, so " + (one ? "it was" : "they were") + " not compared "
                + "and this change is not judged on " + (one ? "it" : "them") + ". Fix " + (one ? "it" : "them")
                + " at the base (a commit to the base branch), or, if this change fixes " + (one ? "it" : "them")
                + ", " + (one ? "it is" : "they are") + " compared from the next change after this one is merged";
    }
}
