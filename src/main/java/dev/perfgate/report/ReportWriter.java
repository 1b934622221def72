package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.io.AtomicFiles;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place reports are written: to files under a folder (each atomically) or, without a folder, to
 * standard output.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Renders every exporter; writes each to {@code outDir/fileName}, or prints them when {@code outDir} is null. */
    public static void write(ComparisonReport report, List<Exporter> exporters, Path outDir, PrintStream stdout) {
        for (Exporter e : exporters) {
            String text = e.render(report);
            if (outDir == null) {
                stdout.print(text);
            } else {
                writeFile(outDir.resolve(e.fileName()), text);
            }
        }
    }

    /** Writes text to a file atomically, so a reader never sees half a report. */
    public static void writeFile(Path file, String text) {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

}
