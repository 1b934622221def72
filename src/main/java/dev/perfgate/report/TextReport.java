package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal report: an aligned table (baseline, current, change with its interval, p-value, verdict), each
 * benchmark's notes under it, the report's warnings, and a one-line summary. Colours only when asked (a terminal).
 */
public final class TextReport implements Exporter {

    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String fileName() {
        return "comparison.txt";
    }

    @Override
    public String render(ComparisonReport report) {
        int level = Numbers.confidencePercent(report.policy().alpha());
        boolean ab = report.mode() == ComparisonReport.Mode.AB;
        boolean counters = report.hasCounters();
        String[] sides = Formats.sides(report);
        List<String> header = new ArrayList<>(List.of("benchmark", sides[0], sides[1]));
        if (ab) header.add("pairs");
        header.addAll(List.of("change", level + "% interval", "could detect", "p"));
        if (counters) header.addAll(List.of("time", "counters"));
        header.add("verdict");
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (BenchmarkComparison b : report.benchmarks()) {
            List<String> row = new ArrayList<>(List.of(b.name(), Formats.baseline(b),
                    Formats.current(b)));
            if (ab) row.add(Formats.pairs(b));
            row.addAll(List.of(Formats.change(b), Formats.interval(b), Formats.detectable(b),
                    Numbers.pValue(b.statistics().pValue())));
            if (counters) row.addAll(List.of(b.timeVerdict().jsonName(), Formats.counterVerdict(b)));
            row.add(b.failedAtBase() ? Formats.NOT_COMPARED.toUpperCase(Locale.ROOT) : paint(b.verdict()));
            rows.add(row.toArray(String[]::new));
        }
        StringBuilder out = new StringBuilder();
        if (ab) out.append(Formats.abLine(report)).append('\n');
        int first = ab ? 4 : 3; // the change column; numbers are right-aligned
        out.append(TextTable.render(rows, 1, 2, ab ? 3 : 1, first, first + 2, first + 3));
        for (BenchmarkComparison b : report.benchmarks()) {
            for (String note : b.notes()) out.append("  ").append(b.name()).append(": ").append(note).append('\n');
            Attribution a = AttributionText.shown(b);
            if (a == null) continue;
            for (AttributionText.Line line : AttributionText.lines(a, AttributionText.MAX_TEXT)) {
                if (line.depth() == 0) out.append("  ").append(b.name()).append(": ").append(line.text()).append('\n');
                else out.append("  ".repeat(line.depth() + 1)).append(line.text()).append('\n');
            }
        }
        for (String warning : report.warnings()) out.append("WARNING: ").append(warning).append('\n');
        out.append(summaryLine(report)).append('\n');
        return out.toString();
    }

    /** E.g. {@code FAIL: 1 regression, 2 warnings, 3 ok (changes: positive = worse)}. */
    public static String summaryLine(ComparisonReport report) {
        StringBuilder counts = new StringBuilder();
        int notCompared = (int) report.benchmarks().stream().filter(BenchmarkComparison::failedAtBase).count();
        for (Verdict v : Verdict.values()) {
            int n = report.withVerdict(v).size() - (v == Verdict.NEW ? notCompared : 0);
            if (n == 0) continue;
            if (counts.length() > 0) counts.append(", ");
            counts.append(n).append(' ').append(plural(v, n));
        }
        if (notCompared > 0) counts.append(counts.length() > 0 ? ", " : "").append(notCompared).append(" not compared");
        return Headline.word(report) + ": " + (counts.length() == 0 ? "no benchmarks" : counts)
                + (report.quick() ? " (quick, low confidence)" : "") + "; change: positive = worse";
    }

    private static String plural(Verdict v, int n) {
        String name = v.jsonName();
        if (n == 1 || v == Verdict.OK || v == Verdict.NEW || v == Verdict.MISSING || v == Verdict.INCONCLUSIVE) return name;
        return name + "s";
    }

    private String paint(Verdict v) {
        String name = v.jsonName().toUpperCase(Locale.ROOT);
        if (!colour) return name;
        String code = switch (v) {
            case REGRESSION -> "31";
            case WARNING, INCONCLUSIVE -> "33";
            case IMPROVEMENT, OK -> "32";
            default -> "36";
        };
        return "\u001b[" + code + "m" + name + "\u001b[0m";
    }
}
