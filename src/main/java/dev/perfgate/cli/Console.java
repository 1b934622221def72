package dev.perfgate.cli;

import dev.perfgate.bench.Progress;
import dev.perfgate.gate.Listener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a command's output goes: results and tables to {@code out}, progress and warnings to {@code err};
 * answers to questions come from {@code in}.
 *
 * @param terminal true on an interactive terminal (progress bar, colours, questions), false in CI logs and pipes
 * @param ci       true when running in CI ({@code CI=true}): nothing may wait for a person
 */
public record Console(InputStream in, PrintStream out, PrintStream err, boolean terminal, boolean ci)
        implements Listener {

    @Override
    public void print(String text) {
        out.print(text);
    }

    @Override
    public void note(String line) {
        err.println("perfgate: " + line);
    }

    /** Asks a yes/no question on the terminal; anything but y/yes (or no answer at all) is no. */
    @Override
    public boolean confirm(String question) {
        err.print(question + " [y/N] ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Progress progress() {
        return Progress.to(err, terminal);
    }

    @Override
    public void warn(String message) {
        err.println("perfgate: warning: " + message);
    }
}
