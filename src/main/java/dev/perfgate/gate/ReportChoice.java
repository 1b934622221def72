package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.report.Destination;
import dev.perfgate.report.Exporters;
import dev.perfgate.report.MarkdownReport;
import dev.perfgate.report.TextReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code ReportChoice} is which reports a comparison gets and where: the formats asked for ({@code --format}),
 * their folder ({@code --out}; without one, standard output) and the CI job summary the Markdown table is
 * appended to.
 *
 * @param formats     as given, null when none was (text); several need {@code out}
 * @param out         folder for report files; null to print
 * @param stepSummary GitHub's {@code $GITHUB_STEP_SUMMARY}; null outside GitHub Actions
 */
public record ReportChoice(List<String> formats, Path out, Path stepSummary) {

    /** Nothing asked: the text table on standard output. */
    public static final ReportChoice DEFAULT = new ReportChoice(null, null, null);

    /** The option that names the job summary, in messages. */
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** True when reports were asked for: a format or an output folder. */
    public boolean requested() {
        return formats != null || out != null;
    }

    /** The formats, each once, in the order given; refuses an unknown one and several on standard output. */
    public List<Exporters.Format> chosen() {
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
     * Where the reports go: each chosen format to its file under {@code out} or to standard output; with
     * {@code out}, the text table printed too, so a CI log always shows the verdicts.
     */
    List<Destination> reports(String suite, Listener listener) {
        List<Destination> destinations = new ArrayList<>();
        boolean colour = listener.terminal() && out == null;
        for (Exporters.Format f : chosen()) {
            var exporter = f.make(colour, suite);
            destinations.add(new Destination(exporter, out == null ? new Destination.Printed(listener::print)
                    : new Destination.ToFile(out.resolve(exporter.fileName()), "--out " + out)));
        }
        if (out != null) destinations.add(new Destination(new TextReport(listener.terminal()),
                new Destination.Printed(listener::print)));
        return destinations;
    }

    /** The job summary's Markdown table, when there is a job summary. */
    List<Destination> summary() {
        if (stepSummary == null) return List.of();
        return List.of(new Destination(new MarkdownReport(), new Destination.AppendTo(stepSummary, STEP_SUMMARY)));
    }
}
