package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Correction;
import dev.perfgate.analysis.Policy;
import dev.perfgate.suite.Settings;
import picocli.CommandLine.Option;

/** The verdict policy options shared by {@code compare} and {@code check}. */
public final class PolicyOptions {

    @Option(names = "--fail-threshold", paramLabel = "SHARE",
            description = "Slowdown that fails when significant, e.g. 10%% or 0.10 (default 10%%; 200%% is 3x slower).")
    String failThreshold;

    @Option(names = "--warn-threshold", paramLabel = "SHARE", description = "Slowdown that warns (default 5%%).")
    String warnThreshold;

    @Option(names = "--alpha", paramLabel = "P", description = "Significance level (default 0.05).")
    String alpha;

    @Option(names = "--correction", paramLabel = "holm|none",
            description = "Multiple-comparison correction across the run's benchmarks (default holm).")
    String correction;

    @Option(names = "--strict-environment",
            description = "Treat a baseline from another environment (hardware, OS, JVM, PostgreSQL) as an error.")
    boolean strictEnvironment;

    @Option(names = "--fail-on-inconclusive", description = "Fail when a benchmark's interval is too wide to decide.")
    boolean failOnInconclusive;

    @Option(names = "--counter-tolerance", paramLabel = "SHARE",
            description = "How much a counter per iteration (buffers, WAL, rows) may grow before it is a regression, "
                    + "e.g. 2%% (default) or 0.05; it must also grow by at least one whole unit.")
    String counterTolerance;

    @Option(names = "--fail-on-plan-change", description = "Fail when a plan's shape changed (default: a warning).")
    boolean failOnPlanChange;

    /** The default policy, overridden by the suite's settings, overridden by these options. */
    Policy policy(Settings suite) {
        Policy p = Policy.DEFAULT;
        try {
            if (suite.failThreshold() != null) p = p.with(v -> v.failThreshold = suite.failThreshold());
            if (suite.warnThreshold() != null) p = p.with(v -> v.warnThreshold = suite.warnThreshold());
            if (suite.alpha() != null) p = p.with(v -> v.alpha = suite.alpha());
            if (failThreshold != null) p = p.with(v -> v.failThreshold = Settings.threshold("--fail-threshold", failThreshold, "option", 0));
            if (warnThreshold != null) p = p.with(v -> v.warnThreshold = Settings.threshold("--warn-threshold", warnThreshold, "option", 0));
            if (alpha != null) p = p.with(v -> v.alpha = Settings.fraction("--alpha", alpha, "option", 0));
            if (correction != null) {
                Correction c = Correction.parse(correction);
                if (c == null) throw new PerfgateException("--correction " + correction + ": use holm or none");
                p = p.with(v -> v.correction = c);
            }
            if (counterTolerance != null) {
                p = p.with(v -> v.counterTolerance = counterTolerance.trim().matches("0*\\.?0*%?") ? 0
                        : Settings.threshold("--counter-tolerance", counterTolerance.trim(), "option", 0));
            }
            return p.with(v -> {
                v.strictEnvironment = strictEnvironment;
                v.failOnInconclusive = failOnInconclusive;
                v.failOnPlanChange = failOnPlanChange;
            });
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("the verdict policy is inconsistent: " + e.getMessage()
                    + " (check --warn-threshold/--fail-threshold and the suite's settings)");
        }
    }
}
