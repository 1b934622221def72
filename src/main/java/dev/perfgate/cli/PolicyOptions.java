package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Correction;
import dev.perfgate.format.Shares;
import dev.perfgate.gate.PolicyChoice;
import picocli.CommandLine.Option;

import java.util.function.ToDoubleFunction;

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

    @Option(names = "--fail-on-different-results", description = "Fail when a benchmark's statements give different "
            + "results on the two sides (default: a warning; the suite setting results=must-match says the same).")
    boolean failOnDifferentResults;

    /** What these options say about the policy; the suite's settings are layered under it by the use case. */
    PolicyChoice choice() {
        Correction c = null;
        if (correction != null) {
            c = Correction.parse(correction);
            if (c == null) throw new PerfgateException("--correction " + correction + ": use holm or none");
        }
        return new PolicyChoice(share("--fail-threshold", failThreshold, Shares::threshold),
                share("--warn-threshold", warnThreshold, Shares::threshold), share("--alpha", alpha, Shares::fraction),
                c, share("--counter-tolerance", counterTolerance, Shares::thresholdOrZero), strictEnvironment,
                failOnInconclusive, failOnPlanChange, failOnDifferentResults);
    }

    /** A share option read by {@code parser}; null when not given; refused with the option's name. */
    static Double share(String option, String value, ToDoubleFunction<String> parser) {
        if (value == null) return null;
        try {
            return parser.applyAsDouble(value);
        } catch (IllegalArgumentException e) {
            throw new PerfgateException(option + "=" + value.trim() + " " + e.getMessage());
        }
    }
}
