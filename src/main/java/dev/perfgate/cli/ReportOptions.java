package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.report.Exporter;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.report.TextReport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --format} (repeatable) and {@code --out DIR}: which reports of a comparison to write, and where. */
public final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Report format, repeatable or comma-separated: text (default), json, markdown, junit, html.")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the reports as files in DIR instead of printing them.")
    Path out;

    /**
     * Writes the chosen reports. With {@code --out} the text table is printed too, so a CI log always shows the
     * verdicts.
     */
    void write(ComparisonReport report, Console console, String suite) {
        List<Exporter> exporters = new ArrayList<>();
        for (String f : formats == null ? List.of("text") : formats) {
            Exporter e = ReportWriter.exporter(f.trim(), console.terminal() && out == null, suite);
            if (e == null) {
                throw new PerfgateException("--format " + f + ": unknown format; use one of "
                        + String.join(", ", ReportWriter.FORMATS));
            }
            exporters.add(e);
        }
        ReportWriter.write(report, exporters, out, console.out());
        if (out != null) {
            console.out().print(new TextReport(console.terminal()).render(report));
            console.err().println("perfgate: reports written to " + out);
        }
    }
}
