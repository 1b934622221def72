package dev.perfgate.reliability;

import dev.perfgate.cli.Console;
import dev.perfgate.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs perfgate in-process, as the CLI tests do, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    /** The phases a run reports as it goes (bench.Session) and its closing timing line: progress, not messages. */
    private static final Pattern PROGRESS = Pattern.compile("perfgate: (starting "
            + "|connecting to |calibrating: |setting up suite |.*: (server ready|connected and calibrated) in )");

    /** The hyperfine output of a real run (two benchmarks, 10 samples each): results without a database. */
    static final Path HYPERFINE = Path.of("src/test/resources/imports/hyperfine-sleep.json");

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        int code = Main.run(console, args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Cli run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** The lines perfgate itself wrote to stderr, without progress and timing lines. */
    List<String> messages() {
        return err.lines().filter(l -> l.startsWith("perfgate: ") && !PROGRESS.matcher(l).lookingAt()).toList();
    }

    /** The messages that are neither warnings nor notes of files written. */
    List<String> errors() {
        return messages().stream().filter(l -> !l.startsWith("perfgate: warning: ") && !l.contains(" written to ")
                && !l.contains("appended to history")).toList();
    }

    /** Exit 2 with exactly one error line containing {@code fragment}, and no Java exception in sight. */
    Cli failsWithOneLine(String fragment) {
        assertThat(exitCode).as(out + err).isEqualTo(2);
        List<String> errors = errors();
        assertThat(errors).as(err).hasSize(1);
        assertThat(errors.get(0)).contains(fragment).doesNotContain("internal error");
        assertThat(err).doesNotContain("Exception", "\tat ");
        return this;
    }

    Cli succeeds() {
        assertThat(exitCode).as(out + err).isZero();
        return this;
    }
}
