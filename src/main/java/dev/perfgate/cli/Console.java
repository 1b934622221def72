package dev.perfgate.cli;

import dev.perfgate.bench.Progress;

import java.io.PrintStream;

/**
 * Where a command's output goes: results and tables to {@code out}, progress and warnings to {@code err}.
 *
 * @param terminal true on an interactive terminal (progress bar, colours), false in CI logs and pipes
 */
public record Console(PrintStream out, PrintStream err, boolean terminal) {

    public Progress progress() {
        return Progress.to(err, terminal);
    }

    public void warn(String message) {
        err.println("perfgate: warning: " + message);
    }
}
