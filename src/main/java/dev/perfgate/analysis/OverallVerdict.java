package dev.perfgate.analysis;

import java.util.Locale;

/** The verdict on a whole comparison: what CI does with it. */
public enum OverallVerdict {
    /** No regression and nothing to look at. */
    PASS,
    /** Warnings or inconclusive benchmarks, but no regression: CI passes. */
    WARN,
    /** At least one regression (or an inconclusive benchmark under {@code failOnInconclusive}): CI fails. */
    FAIL;

    /** The name used in comparison files: {@code "pass"}, {@code "warn"} or {@code "fail"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The process exit code the spec assigns: 1 for {@code FAIL}, otherwise 0. */
    public int exitCode() {
        return this == FAIL ? 1 : 0;
    }
}
