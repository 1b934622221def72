package dev.perfgate.gate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code RunRequest} is what {@code perfgate run} was asked: a suite measured on a side, written to a results
 * file; with {@code against}, both sides of an A/B session, each to its own file.
 *
 * @param subject what to run (a measured suite)
 * @param quick   few iterations, labelled low confidence
 * @param against the base side and budgets of an A/B session; null for a plain run
 */
public record RunRequest(Subject.Measured subject, boolean quick, CheckRequest.Against against, Path results) {

    public RunRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(results, "results");
    }
}
