package dev.perfgate.report;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A {@code Destination} is where one exporter's report goes: a file of its own (written whole, atomically), a file
 * that collects reports (appended to: a CI job summary), or standard output. Destinations are made when the
 * options are read, checked before anything runs ({@link ReportWriter#requireWritable}) and written by
 * {@link ReportWriter#write}, the one place that writes reports.
 */
public record Destination(Exporter exporter, Target target) {

    /** Where the text goes. */
    public sealed interface Target {
        /** For messages: the file, or "standard output". */
        String describe();
    }

    /** A file of its own, replaced atomically; {@code what} is how the user named it, e.g. {@code --out perf-out}. */
    public record ToFile(Path file, String what) implements Target {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /** A file that other steps write too (GitHub's {@code $GITHUB_STEP_SUMMARY}): the report is appended. */
    public record AppendTo(Path file, String what) implements Target {
        @Override
        public String describe() {
            return what + " " + file;
        }
    }

    /** Printed: standard output, through the command's console. */
    public record Printed(Consumer<String> out) implements Target {
        @Override
        public String describe() {
            return "standard output";
        }
    }
}
