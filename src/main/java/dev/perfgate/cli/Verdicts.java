package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;

/** How a command ends after a comparison: reports written, then the exit code the verdict calls for. */
final class Verdicts {

    private Verdicts() {
    }

    static int finish(ComparisonReport report, String suite, ReportOptions reports, Console console) {
        if (report.strictEnvironmentViolated()) {
            throw new PerfgateException("baseline and current ran on different environments ("
                    + String.join("; ", report.environmentDifferences()) + ") and --strict-environment is set: "
                    + "re-run the baseline on this machine or drop --strict-environment");
        }
        reports.write(report, console, suite);
        return report.verdict().exitCode();
    }
}
