package dev.perfgate.report;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.io.AtomicFiles;
import dev.perfgate.io.Outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place reports are written: each {@link Destination}'s exporter renders the comparison, and the text goes
 * to a file (atomically), is appended to a collecting file, or is printed.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Refuses, with one line, a destination that could not be written: found out before a run, not after it. */
    public static void requireWritable(List<Destination> destinations) {
        for (Destination d : destinations) {
            if (d.target() instanceof Destination.ToFile f) requireWritable(f);
            if (d.target() instanceof Destination.AppendTo a) requireAppendable(a);
        }
    }

    /**
     * Renders and writes every destination, in order, and returns what could not be written (one line each; empty
     * when all were): a report that fails late must not hide the others or the verdict.
     */
    public static List<String> write(ComparisonReport report, List<Destination> destinations) {
        List<String> failures = new ArrayList<>();
        for (Destination d : destinations) {
            String text = d.exporter().render(report);
            try {
                if (d.target() instanceof Destination.ToFile f) {
                    writeFile(f.file(), text);
                } else if (d.target() instanceof Destination.AppendTo a) {
                    Files.writeString(a.file(), text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } else if (d.target() instanceof Destination.Printed p) {
                    p.out().accept(text);
                }
            } catch (IOException | RuntimeException e) {
                failures.add("cannot write the " + d.exporter().format() + " report to " + d.target().describe() + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return failures;
    }

    /** Writes text to a file atomically, so a reader never sees half a report. */
    public static void writeFile(Path file, String text) {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireWritable(Destination.ToFile f) {
        if (Files.isDirectory(f.file())) {
            throw new PerfgateException(f.what() + ": " + f.file() + " is a folder, where the report file goes: move "
                    + "it away or choose another folder");
        }
        Outputs.requireWritableFile(f.file(), f.what());
    }

    private static void requireAppendable(Destination.AppendTo a) {
        Path file = a.file();
        if (Files.isDirectory(file)) {
            throw new PerfgateException(a.what() + " " + file + " is a folder: it must name a file to append to");
        }
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                throw new PerfgateException(a.what() + " " + file + " cannot be written (permission denied or "
                        + "read-only): fix its permissions or unset " + a.what());
            }
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new PerfgateException(a.what() + " " + file + " cannot be created (its folder is missing or "
                    + "read-only): fix the path or unset " + a.what());
        }
    }
}
