package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;

/** One report format: renders a comparison to text; {@link ReportWriter} decides where the text goes. */
public interface Exporter {

    /** The {@code --format} name, e.g. {@code "json"}. */
    String format();

    /** The file name used under {@code --out DIR}, e.g. {@code "comparison.json"}. */
    String fileName();

    String render(ComparisonReport report);
}
