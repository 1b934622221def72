package dev.perfgate.analysis;

import java.util.Locale;

/** The verdict on one benchmark (see {@link VerdictRule} for how it is decided). */
public enum Verdict {
    /** Worse beyond the fail threshold, established by the data: fails CI. */
    REGRESSION,
    /** Worse by more than the warn threshold, or a regression not established (or on another environment). */
    WARNING,
    /** Within the warn threshold either way, and the interval rules out a regression. */
    OK,
    /** Better beyond the warn threshold, and significant. */
    IMPROVEMENT,
    /** The interval is too wide to tell "ok" from "regression". */
    INCONCLUSIVE,
    /** Only in the current run. */
    NEW,
    /** Only in the baseline. */
    MISSING;

    /** The name used in comparison files: lower case, e.g. {@code "regression"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
