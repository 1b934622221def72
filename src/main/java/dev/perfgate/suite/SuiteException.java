package dev.perfgate.suite;

import dev.perfgate.PerfgateException;

/** A problem in a suite file, reported as {@code file:line: message}. */
public final class SuiteException extends PerfgateException {
    public SuiteException(String file, int line, String message) {
        super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
