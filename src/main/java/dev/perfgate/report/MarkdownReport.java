package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;

import java.util.Locale;

/**
 * The Markdown report: the body of a pull-request comment and of the GitHub job summary. A heading with the
 * overall verdict, a table with one row per benchmark and an emoji per verdict to scan by, the warnings and
 * notes, and a one-line summary.
 *
 * <p>Every piece of text that is not ours (names, units, notes, warnings) goes through {@link #escape}: GitHub
 * renders HTML inside Markdown, so a benchmark called {@code <script>} must arrive as text, and a {@code |} must
 * not end a table cell.
 */
public final class MarkdownReport implements Exporter {

    /** The first line, invisible once rendered: lets a CI step find (and replace) its earlier comment. */
    public static final String MARKER = "<!-- perfgate-comparison -->";

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String fileName() {
        return "comparison.md";
    }

    @Override
    public String render(ComparisonReport report) {
        StringBuilder md = new StringBuilder(4096);
        md.append(MARKER).append('\n');
        if (report.nothingCompared()) {
            md.append("## ℹ️ perfgate: nothing compared — ").append(Headline.nothingBecause(report)).append("\n\n")
                    .append("> ").append(escape(Headline.nextStep(report))).append("\n\n");
        } else {
            md.append("## ").append(emoji(report.verdict())).append(" perfgate: ").append(report.verdict().name())
                    .append(headlineCounts(report)).append("\n\n");
        }
        if (report.quick()) {
            md.append("> **⚠️ Quick run, low confidence.** Few iterations: only a gross regression fails, and ✅ ok ")
                    .append("means no gross regression was seen. Run without `--quick` before trusting it.\n\n");
        }
        if (Formats.abLine(report) != null) md.append(escape(Formats.abLine(report))).append("\n\n");
        table(md, report);
        list(md, "Warnings", report.warnings().stream().map(w -> "⚠️ " + escape(w)).toList());
        list(md, "Notes", report.benchmarks().stream()
                .flatMap(b -> b.notes().stream().map(n -> "**" + escape(b.name()) + "**: " + escape(n))).toList());
        attribution(md, report);
        md.append(escape(TextReport.summaryLine(report))).append(". ").append(policyLine(report.policy()))
                .append('\n');
        return md.toString();
    }

    private static void table(StringBuilder md, ComparisonReport report) {
        if (report.benchmarks().isEmpty()) {
            md.append("No benchmarks to compare.\n\n");
            return;
        }
        int level = Numbers.confidencePercent(report.policy().alpha());
        boolean ab = report.mode() == ComparisonReport.Mode.AB;
        boolean counters = report.hasCounters();
        String[] sides = Formats.sides(report);
        md.append("| benchmark | ").append(sides[0]).append(" | ").append(sides[1]).append(ab ? " | pairs" : "")
                .append(" | change [").append(level).append("% interval] | could detect | p")
                .append(counters ? " | time | counters" : "").append(" | verdict |\n")
                .append("| :-- | --: | --: |").append(ab ? " --: |" : "").append(" --: | --: | --: |")
                .append(counters ? " :-- | :-- |" : "").append(" :-- |\n");
        for (BenchmarkComparison b : report.benchmarks()) {
            md.append("| ").append(escape(b.name()))
                    .append(" | ").append(escape(Formats.baseline(b)))
                    .append(" | ").append(escape(Formats.current(b)));
            if (ab) md.append(" | ").append(Formats.pairs(b));
            md.append(" | ").append(html(change(b)))
                    .append(" | ").append(html(Formats.detectable(b)))
                    .append(" | ").append(html(Numbers.pValue(b.statistics().pValue())));
            if (counters) {
                md.append(" | ").append(b.timeVerdict().jsonName()).append(" | ").append(Formats.counterVerdict(b));
            }
            md.append(" | ").append(b.failedAtBase() ? "⛔" : emoji(b.verdict())).append(' ')
                    .append(Formats.verdict(b)).append(" |\n");
        }
        md.append('\n');
        if (ab && report.benchmarks().stream().anyMatch(b -> !Double.isNaN(b.statistics().change().estimate()))) {
            md.append("<sub>").append(sides[0]).append(" and ").append(sides[1]).append(" are each side's median; ")
                    .append("the change is the paired estimate (the median ratio of the pairs, Hodges-Lehmann), ")
                    .append("which the verdict rests on, so it need not equal the ratio of the two medians.</sub>")
                    .append("\n\n");
        }
    }

    /**
     * Where each changed benchmark's time went: an item each, its shares as nested items in the call tree's order,
     * and the plan trees of statements whose plan changed collapsed under it, so the comment stays short.
     */
    private static void attribution(StringBuilder md, ComparisonReport report) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder details = new StringBuilder();
        for (BenchmarkComparison b : report.benchmarks()) {
            Attribution a = AttributionText.shown(b);
            if (a == null) continue;
            StringBuilder item = new StringBuilder();
            for (AttributionText.Line line : AttributionText.lines(a, AttributionText.MAX_TEXT)) {
                if (line.depth() == 0) item.append("**").append(escape(b.name())).append("**: ").append(escape(line.text()));
                else item.append('\n').append("  ".repeat(line.depth())).append("- ").append(escape(line.text()));
            }
            lines.add(item.toString());
            for (Attribution.PlanChange p : a.plans()) {
                details.append("<details><summary>").append(html(b.name())).append(": plan changed: ")
                        .append(html(AttributionText.shorten(p.text(), AttributionText.MAX_TEXT)))
                        .append("</summary>\n\n```\n-- before (").append(Formats.sides(report)[0]).append(")\n")
                        .append(fence(p.before())).append("\n-- after (").append(Formats.sides(report)[1])
                        .append(")\n").append(fence(p.after())).append("\n```\n\n</details>\n\n");
            }
        }
        list(md, "Where the time went", lines);
        md.append(details);
    }

    /** Text inside a code fence cannot end it. */
    private static String fence(String text) {
        return text.replace("```", "'''");
    }

    /** Our own numbers need no Markdown escapes, only {@code <} as in {@code <0.001}. */
    private static String html(String ours) {
        return ours.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The change with its interval, e.g. {@code +30.4% [+28.0%, +33.4%]}. */
    private static String change(BenchmarkComparison b) {
        if (Double.isNaN(b.statistics().change().estimate())) return "-";
        String interval = Formats.interval(b);
        return Formats.change(b) + ("-".equals(interval) ? "" : " " + interval);
    }

    /** A bulleted list under a bold label; nothing when there are no items. Items are already escaped. */
    private static void list(StringBuilder md, String label, java.util.List<String> items) {
        if (items.isEmpty()) return;
        md.append("**").append(label).append("**\n\n");
        for (String item : items) md.append("- ").append(item).append('\n');
        md.append('\n');
    }

    /** What decided the headline, e.g. {@code  (2 regressions)}; empty when nothing stands out. */
    private static String headlineCounts(ComparisonReport report) {
        StringBuilder s = new StringBuilder();
        count(s, report.withVerdict(Verdict.REGRESSION).size(), "regression", "regressions");
        count(s, report.withVerdict(Verdict.WARNING).size(), "warning", "warnings");
        count(s, report.withVerdict(Verdict.INCONCLUSIVE).size(), "inconclusive", "inconclusive");
        count(s, (int) report.benchmarks().stream().filter(BenchmarkComparison::failedAtBase).count(),
                "not compared", "not compared");
        return s.length() == 0 ? "" : " (" + s + ")";
    }

    private static void count(StringBuilder s, int n, String one, String many) {
        if (n == 0) return;
        if (s.length() > 0) s.append(", ");
        s.append(n).append(' ').append(n == 1 ? one : many);
    }

    private static String policyLine(Policy p) {
        return String.format(Locale.ROOT, "Fails above %s, warns above %s; %s correction.",
                Numbers.percent(p.failThreshold()), Numbers.percent(p.warnThreshold()), p.correction().jsonName());
    }

    /** The emoji a reader scans the table by. */
    public static String emoji(Verdict v) {
        return switch (v) {
            case REGRESSION -> "❌";
            case WARNING -> "⚠️";
            case OK -> "✅";
            case IMPROVEMENT -> "🚀";
            case INCONCLUSIVE -> "❔";
            case NEW -> "🆕";
            case MISSING -> "🗑️";
        };
    }

    static String emoji(OverallVerdict v) {
        return switch (v) {
            case FAIL -> "❌";
            case WARN -> "⚠️";
            case PASS -> "✅";
        };
    }

    /**
     * Escapes text for GitHub-flavoured Markdown, table cells included: Markdown punctuation gets a backslash
     * (so {@code **x**} stays literal and {@code |} does not split a cell), {@code < > &} become entities (so no
     * HTML is injected), and line breaks become spaces (so a table row stays one line).
     */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
