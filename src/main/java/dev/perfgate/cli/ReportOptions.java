package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.report.Exporter;
import dev.perfgate.report.Exporters;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.report.TextReport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code --format} (repeatable) and {@code --out DIR}: which reports of a comparison to write, and where. */
public final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", completionCandidates = Exporters.Names.class,
            description = "Report format, repeatable or comma-separated: ${COMPLETION-CANDIDATES} (default: text). "
                    + "More than one needs --out.")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the reports as files in DIR (the verdict table is still printed).")
    Path out;

    /** True when reports were asked for: a format or an output folder. */
    boolean requested() {
        return formats != null || out != null;
    }

    /** The chosen formats, each once, in the order given; refuses what cannot be written. */
    List<Exporters.Format> chosen() {
        Set<Exporters.Format> chosen = new LinkedHashSet<>();
        for (String f : formats == null ? List.of("text") : formats) {
            chosen.add(Exporters.byName(f).orElseThrow(() -> new PerfgateException("--format " + f
                    + ": unknown format; use one of " + String.join(", ", Exporters.NAMES))));
        }
        if (chosen.size() > 1 && out == null) {
            throw new PerfgateException("--format " + String.join(",", formats) + ": several formats on standard "
                    + "output could not be told apart; add --out DIR to write each to its own file");
        }
        return List.copyOf(chosen);
    }

    /**
     * Writes the chosen reports. With {@code --out} the text table is printed too, so a CI log always shows the
     * verdicts.
     */
    void write(ComparisonReport report, Console console, String suite) {
        List<Exporter> exporters = new ArrayList<>();
        for (Exporters.Format f : chosen()) exporters.add(f.make(console.terminal() && out == null, suite));
        ReportWriter.write(report, exporters, out, console.out());
        if (out != null) {
            console.out().print(new TextReport(console.terminal()).render(report));
            console.err().println("perfgate: reports written to " + out);
        }
    }
}
