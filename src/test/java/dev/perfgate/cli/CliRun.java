package dev.perfgate.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Runs perfgate in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** The phases a run reports as it goes (bench.Session) and its closing timing line: progress, not messages. */
    private static final Pattern PROGRESS = Pattern.compile("perfgate: (starting "
            + "|connecting to |calibrating: |setting up suite |.*: (server ready|connected and calibrated) in )");

    static CliRun of(String... args) {
        return on("", false, false, args);
    }

    /** Runs with {@code input} on standard input, as if on a terminal and/or in CI. */
    static CliRun on(String input, boolean terminal, boolean ci, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, ci);
        int code = Main.run(console, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The error output without progress lines: what a user reads when something went wrong. */
    String errorLines() {
        return err.lines().filter(l -> l.startsWith("perfgate: ") && !PROGRESS.matcher(l).lookingAt()).reduce("",
                (a, b) -> a + b + "\n");
    }
}
