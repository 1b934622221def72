package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.Direction;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.stats.Summary;

import java.util.List;
import java.util.Locale;

/**
 * The HTML report: one self-contained page (inline CSS, inline SVG, no script, no external asset) with the
 * overall verdict, the warnings, the verdict table with colour-coded verdicts, and per benchmark its notes, its
 * numbers and its distribution, baseline against current ({@link HtmlDistribution}). It opens from a CI
 * artifact without a server.
 *
 * <p>Every name, unit, note and warning is escaped ({@link TrendPage#escape}), and a Content-Security-Policy
 * forbids scripts outright in case a future edit forgets to.
 */
public final class HtmlReport implements Exporter {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;\
            max-width:1040px;padding:0 16px;color:#212529;background:#fff}
            h1{font-size:1.6em;margin:0 0 6px}
            h2{font-size:1.25em;margin:28px 0 10px}
            h3{font-size:1.08em;margin:0 0 8px;overflow-wrap:anywhere}
            h3 small{font-weight:normal;color:#6c757d;font-size:.85em}
            .summary{margin:0 0 14px;color:#495057}
            .quick{border-left:5px solid #f08c00;background:#fff4e6;padding:8px 12px;margin:0 0 14px}
            .warnings{border-left:5px solid #e8590c;background:#fff5f5;padding:6px 12px;margin:0 0 14px}
            .warnings ul,.notes{margin:6px 0;padding-left:20px}
            table{border-collapse:collapse;margin:8px 0;font-size:.92em}
            th,td{border:1px solid #dee2e6;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f1f3f5}
            pre.plan{background:#f8f9fa;padding:6px 10px;font-size:.85em;overflow-x:auto}
            td.sql{font-family:monospace;font-size:.85em;white-space:pre-wrap;max-width:520px;overflow-wrap:anywhere}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.name{overflow-wrap:anywhere;max-width:360px}
            td.name a{color:#1c4e9a}
            .pill{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:.9em}
            .regression,.fail{background:#ffe3e3;color:#a61e1e}
            .warning,.warn{background:#fff3bf;color:#7c4a03}
            .ok,.pass{background:#d3f9d8;color:#2b6a30}
            .improvement{background:#d0ebff;color:#1864ab}
            .inconclusive{background:#eee6ff;color:#5f3dc4}
            .new{background:#c5f6fa;color:#0b6570}
            .missing{background:#e9ecef;color:#495057}
            h1 .pill{font-size:.75em;vertical-align:middle}
            section{border-top:1px solid #dee2e6;padding:16px 0 8px}
            .meta{color:#6c757d;font-size:.9em}
            svg.dist{display:block;max-width:100%;height:auto;font-size:12px}
            svg .label,svg .unit,svg .absent{fill:#495057}
            svg .absent{font-style:italic}
            svg .tick{fill:#6c757d;text-anchor:middle}
            svg .axis{stroke:#adb5bd}
            svg .reference{stroke:#868e96;stroke-dasharray:3 3}
            svg .whisker{stroke:#495057;stroke-width:1.5}
            svg .whisker-end{fill:#495057}
            svg .box{stroke-width:1.5}
            svg .median{stroke-width:3.5}
            svg .p95{fill:#fff;stroke-width:1.5}
            svg .base .box{fill:#e9ecef;stroke:#495057} svg .base .median,svg .base .p95{stroke:#343a40}
            svg .cur .box{fill:#d0ebff;stroke:#1864ab} svg .cur .median,svg .cur .p95{stroke:#1864ab}
            svg .cur.regression .box{fill:#ffc9c9;stroke:#c92a2a} svg .cur.regression .median,\
            svg .cur.regression .p95{stroke:#c92a2a}
            svg .cur.warning .box{fill:#ffec99;stroke:#e67700} svg .cur.warning .median,\
            svg .cur.warning .p95{stroke:#e67700}
            svg .cur.improvement .box{fill:#b2f2bb;stroke:#2b8a3e} svg .cur.improvement .median,\
            svg .cur.improvement .p95{stroke:#2b8a3e}
            """;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String fileName() {
        return "comparison.html";
    }

    @Override
    public String render(ComparisonReport report) {
        StringBuilder html = new StringBuilder(1 << 15);
        String verdict = report.verdict().jsonName();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>perfgate: ").append(Headline.word(report)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>perfgate comparison <span class=\"pill ").append(verdict).append("\">")
                .append(Headline.word(report)).append("</span></h1>\n")
                .append("<p class=\"summary\">").append(TrendPage.escape(TextReport.summaryLine(report)))
                .append("</p>\n");
        if (report.quick()) {
            html.append("<p class=\"quick\"><strong>Quick run, low confidence.</strong> Few iterations: only a gross ")
                    .append("regression fails, and ok means no gross regression was seen. Run without ")
                    .append("<code>--quick</code> before trusting it.</p>\n");
        }
        if (Formats.abLine(report) != null) {
            html.append("<p class=\"meta\">").append(TrendPage.escape(Formats.abLine(report))).append("</p>\n");
        }
        warnings(html, report.warnings());
        table(html, report);
        html.append("<h2>Distributions</h2>\n<p class=\"meta\">Per benchmark, ")
                .append(Formats.sides(report)[0]).append(" above ").append(Formats.sides(report)[1])
                .append(" on one axis: ")
                .append("the line runs from the fastest to the slowest sample (an arrow: further than shown), the ")
                .append("box is the median ± MAD (half of the samples), the thick bar the median, the diamond the ")
                .append("95th percentile, the dashed line the ").append(Formats.sides(report)[0])
                .append("'s median. Hover for the numbers.</p>\n");
        List<BenchmarkComparison> benchmarks = report.benchmarks();
        String[] sides = Formats.sides(report);
        for (int i = 0; i < benchmarks.size(); i++) section(html, benchmarks.get(i), i + 1, sides);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void warnings(StringBuilder html, List<String> warnings) {
        if (warnings.isEmpty()) return;
        html.append("<div class=\"warnings\"><strong>Warnings</strong>\n<ul>\n");
        for (String w : warnings) html.append("<li>").append(TrendPage.escape(w)).append("</li>\n");
        html.append("</ul>\n</div>\n");
    }

    private static void table(StringBuilder html, ComparisonReport report) {
        int level = Numbers.confidencePercent(report.policy().alpha());
        boolean ab = report.mode() == ComparisonReport.Mode.AB;
        String[] sides = Formats.sides(report);
        html.append("<table class=\"verdicts\">\n<thead><tr><th>benchmark</th><th>").append(sides[0])
                .append("</th><th>").append(sides[1]).append("</th>").append(ab ? "<th>pairs</th>" : "")
                .append("<th>change</th><th>").append(level).append("% interval</th><th>could detect</th><th>p</th>")
                .append(report.hasCounters() ? "<th>time</th><th>counters</th>" : "")
                .append("<th>verdict</th></tr></thead>\n<tbody>\n");
        List<BenchmarkComparison> benchmarks = report.benchmarks();
        for (int i = 0; i < benchmarks.size(); i++) {
            BenchmarkComparison b = benchmarks.get(i);
            // ids are numbers: a benchmark name is not a safe id
            html.append("<tr><td class=\"name\"><a href=\"#b").append(i + 1).append("\">")
                    .append(TrendPage.escape(b.name())).append("</a></td>")
                    .append(cell(Formats.baseline(b)))
                    .append(cell(Formats.current(b)))
                    .append(ab ? cell(Formats.pairs(b)) : "")
                    .append(cell(Formats.change(b))).append(cell(Formats.interval(b)))
                    .append(cell(Formats.detectable(b)))
                    .append(cell(Numbers.pValue(b.statistics().pValue())))
                    .append(report.hasCounters() ? "<td>" + b.timeVerdict().jsonName() + "</td><td>"
                            + TrendPage.escape(Formats.counterVerdict(b)) + "</td>" : "")
                    .append("<td>").append(pill(b)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"meta\">").append(TrendPage.escape(policyLine(report.policy())))
                .append("</p>\n");
    }

    private static void section(StringBuilder html, BenchmarkComparison b, int number, String[] sides) {
        html.append("<section id=\"b").append(number).append("\">\n<h3>").append(TrendPage.escape(b.name()))
                .append(' ').append(pill(b)).append(" <small>(").append(TrendPage.escape(b.sides().unit()));
        Direction direction = b.sides().direction();
        if (direction != null) html.append(", ").append(direction.jsonName()).append(" is better");
        html.append(")</small></h3>\n");
        if (!Double.isNaN(b.statistics().change().estimate())) {
            html.append("<p class=\"meta\">change ").append(TrendPage.escape(Formats.change(b)))
                    .append(", interval ").append(TrendPage.escape(Formats.interval(b))).append(", p ")
                    .append(TrendPage.escape(Numbers.pValue(b.statistics().pValue()))).append("</p>\n");
        }
        html.append(HtmlDistribution.svg(b, b.verdict().jsonName(), sides));
        numbers(html, b, sides);
        if (!b.notes().isEmpty()) {
            html.append("<ul class=\"notes\">\n");
            for (String note : b.notes()) html.append("<li>").append(TrendPage.escape(note)).append("</li>\n");
            html.append("</ul>\n");
        }
        HtmlAttribution.append(html, b);
        html.append("</section>\n");
    }

    /** The summaries behind the picture, one row per side. */
    private static void numbers(StringBuilder html, BenchmarkComparison b, String[] sides) {
        html.append("<table class=\"numbers\">\n<thead><tr><th></th><th>n</th><th>min</th><th>median</th>")
                .append("<th>MAD</th><th>mean</th><th>stddev</th><th>p95</th><th>p99</th><th>max</th></tr></thead>\n")
                .append("<tbody>\n");
        numbersRow(html, sides[0], b.sides().baseline());
        numbersRow(html, sides[1], b.sides().current());
        html.append("</tbody>\n</table>\n");
    }

    private static void numbersRow(StringBuilder html, String side, Summary s) {
        html.append("<tr><th>").append(side).append("</th>");
        if (s == null) {
            html.append("<td colspan=\"9\" class=\"meta\">not in the ").append(side).append(" run</td></tr>\n");
            return;
        }
        html.append(cell(Integer.toString(s.n())));
        for (double v : new double[]{s.min(), s.median(), s.mad(), s.mean(), s.stddev(), s.p95(), s.p99(), s.max()}) {
            html.append(cell(Numbers.number(v)));
        }
        html.append("</tr>\n");
    }

    private static String pill(BenchmarkComparison b) {
        return "<span class=\"pill " + b.verdict().jsonName() + "\">" + Formats.verdict(b) + "</span>";
    }

    private static String cell(String number) {
        return "<td class=\"num\">" + TrendPage.escape(number) + "</td>";
    }

    private static String policyLine(Policy p) {
        return String.format(Locale.ROOT, "Change: positive = worse, whatever the direction. Fails above %s, warns "
                        + "above %s; %s correction across benchmarks.", Numbers.percent(p.failThreshold()),
                Numbers.percent(p.warnThreshold()), p.correction().jsonName());
    }
}
