package dev.perfgate.model;

/**
 * A {@code Baseline} is a reviewed results file (raw samples kept, so it can be re-tested later) plus its
 * provenance; {@code provenance} is {@code null} for a plain results file or a legacy baseline used as one.
 */
public record Baseline(RunResult run, Provenance provenance) {
}
