package dev.perfgate.gate;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.report.BaselineSummary;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

/**
 * Whether the change a pull request's {@code check --against BASE} measures also updates its suite's baseline, so
 * the comment says so and points reviewers at the summary {@code baseline accept} wrote. Decided here and not in
 * the CI scripts: the A/B check already knows the base commit and the suite's folder, works the same for GitHub and
 * GitLab, and puts the line in every report (comment, job summary, terminal), where a script could only add it to
 * one. The test is git's own: the baseline file's blob at the base commit against the work tree's.
 */
final class BaselineChange {

    private BaselineChange() {
    }

    /** {@code report} with a line saying the baseline changed between {@code baseCommit} and the work tree. */
    static ComparisonReport noted(ComparisonReport report, Path suiteFolder, String suiteName, String baseCommit) {
        String line = line(suiteFolder, suiteName, baseCommit);
        return line == null ? report : report.withWarning(line);
    }

    /** The line, or null when the baseline is the base's (or there is none, or git cannot tell). */
    static String line(Path suiteFolder, String suiteName, String baseCommit) {
        if (suiteFolder == null || baseCommit == null) return null;
        Path file = Baselines.location(suiteFolder, suiteName);
        if (!Files.isRegularFile(file)) return null;
        String now = GitProbe.blobOf(file);
        if (now == null) return null;
        String then = GitProbe.blobAt(file, baseCommit);
        if (now.equals(then)) return null;
        Path summary = BaselineSummary.fileFor(file);
        String what = then == null ? "BASELINE ADDED in this change: " + file
                : "BASELINE UPDATED in this change: " + file + " differs from the base's";
        return what + accepted(file) + (Files.isRegularFile(summary)
                ? "; review " + summary + " (old → new medians and counters per benchmark) rather than the JSON diff"
                : "; it has no summary beside it: 'perfgate baseline accept' writes one for reviewers");
    }

    private static String accepted(Path file) {
        try {
            Baseline b = BaselineJson.read(file);
            Provenance p = b.provenance();
            if (p == null) return " (no provenance: not accepted through 'perfgate baseline accept')";
            return " (accepted by " + (p.acceptedBy() == null ? "unknown" : p.acceptedBy())
                    + (p.acceptedAt() == null ? "" : " at " + p.acceptedAt().truncatedTo(ChronoUnit.SECONDS))
                    + ": " + p.reason().replace('\n', ' ') + ")";
        } catch (RuntimeException e) {
            return " (it cannot be read: " + e.getMessage() + ")";
        }
    }
}
