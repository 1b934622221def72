package dev.perfgate.cli;

import dev.perfgate.gate.ReportChoice;
import dev.perfgate.report.Exporters;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --format} (repeatable) and {@code --out DIR}: which reports of a comparison to write, and where. */
public final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", completionCandidates = Exporters.Names.class,
            description = "Report format, repeatable or comma-separated: ${COMPLETION-CANDIDATES} (default: text). "
                    + "More than one needs --out.")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the reports as files in DIR (the verdict table is still printed).")
    Path out;

    /** The reports asked for; on GitHub Actions the job summary ({@code $GITHUB_STEP_SUMMARY}) gets the table too. */
    ReportChoice choice() {
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        return new ReportChoice(formats, out, summary == null || summary.isBlank() ? null : Path.of(summary));
    }
}
