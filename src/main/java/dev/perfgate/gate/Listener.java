package dev.perfgate.gate;

import dev.perfgate.bench.Progress;

/**
 * A {@code Listener} is where a use case says what it does while it works: the command's console. Tables and
 * reports go to {@link #print} (standard output), notes and warnings to standard error, progress to
 * {@link #progress}. Tests record it.
 */
public interface Listener {

    /** Text for standard output, as is (tables, reports). */
    void print(String text);

    /** A line for standard error about what was done, e.g. where a file was written. */
    void note(String line);

    /** A warning line for standard error. */
    void warn(String line);

    /** Where the measurement's phases and iterations are shown. */
    Progress progress();

    /** True on an interactive terminal: colours, questions. */
    boolean terminal();

    /** Asks a person a yes/no question on the terminal; false unless they answer yes. */
    boolean confirm(String question);
}
