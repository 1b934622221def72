package dev.perfgate.gate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code CompareRequest} is what {@code perfgate compare} was asked: two results files (or a legacy baseline),
 * the policy, the reports, and optionally a history to record the current run in.
 *
 * @param history the history to append {@code results} to with its verdicts; null not to
 */
public record CompareRequest(Path baseline, Path results, PolicyChoice policy, ReportChoice reports, String history) {

    public CompareRequest {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reports, "reports");
    }
}
