package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.history.TrendPoint;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.analysis.DriftLedger;

/**
 * A {@code TrendPage} is one self-contained HTML page with the trend chart of every benchmark: no scripts, no
 * external assets (inline CSS, charts as {@code data:} PNGs), so it can be attached to a CI run and opened
 * anywhere. Every name, commit and unit is escaped, and a Content-Security-Policy forbids scripts outright in
 * case a future edit forgets to.
 */
public final class TrendPage {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;\
            max-width:960px;padding:0 16px;color:#212529;background:#fff}
            h1{font-size:1.6em;margin:0 0 4px}
            .meta{color:#6c757d;margin:0 0 20px}
            nav{margin:0 0 24px;line-height:1.7}
            nav a{margin-right:14px;color:#1c4e9a}
            section{border-top:1px solid #dee2e6;padding:18px 0 8px}
            h2{font-size:1.25em;margin:0 0 10px;overflow-wrap:anywhere}
            h2 small{font-weight:normal;color:#6c757d;font-size:.75em}
            img{max-width:100%;height:auto;border:1px solid #e9ecef}
            table{border-collapse:collapse;margin:10px 0 6px;font-size:.92em}
            th,td{border:1px solid #dee2e6;padding:4px 10px;text-align:left}
            th{background:#f1f3f5}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            code{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            .worse{color:#c2410c;font-weight:600}
            .better{color:#2b8a3e;font-weight:600}
            .none{color:#6c757d}
            """;

    private TrendPage() {
    }

    /** The page for {@code series} (one section each, in the given order) under {@code title}. */
    public static String html(List<TrendSeries> series, String title) {
        return html(series, series.stream().map(TrendChart::png).toList(), title);
    }

    /**
     * The page with charts already drawn by {@link TrendChart#png(TrendSeries)} (a 10,000-run chart takes about
     * 0.25 s: a caller that also writes the PNG files need not draw it twice).
     *
     * @param pngs one PNG of the default size per series, in the same order
     */
    public static String html(List<TrendSeries> series, List<byte[]> pngs, String title) {
        return html(series, pngs, title, null, null);
    }

    /**
     * As {@link #html(List, List, String)}, with the drift since the anchor first when {@code drift} is not null.
     *
     * @param driftPng the drift chart ({@link DriftChart#png}) of {@code drift}
     */
    public static String html(List<TrendSeries> series, List<byte[]> pngs, String title, DriftLedger.Ledger drift,
                              byte[] driftPng) {
        if (pngs.size() != series.size()) {
            throw new IllegalArgumentException(pngs.size() + " charts for " + series.size() + " benchmarks");
        }
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("img-src data:; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"meta\">").append(series.size())
                .append(series.size() == 1 ? " benchmark" : " benchmarks")
                .append(". Each chart: the median of every run (line), the 25th to 75th percentile of its samples")
                .append(" (band), the baseline (dashed), regressions (red dots) and change points (vertical lines).")
                .append("</p>\n");
        if (drift != null && driftPng != null) driftSection(html, drift, driftPng);
        navigation(html, series);
        for (int i = 0; i < series.size(); i++) section(html, series.get(i), pngs.get(i), i + 1);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void driftSection(StringBuilder html, DriftLedger.Ledger drift, byte[] png) {
        html.append("<section id=\"drift\">\n<h2>Drift since the anchor <small>(")
                .append(escape(DriftChart.subtitle(drift))).append(")</small></h2>\n")
                .append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\" width=\"").append(TrendChart.WIDTH).append("\" height=\"").append(TrendChart.HEIGHT)
                .append("\" alt=\"Drift of ").append(escape(drift.benchmark())).append(" since the anchor\">\n")
                .append("<pre>").append(escape(DriftTables.render(drift))).append("</pre>\n</section>\n");
    }

    private static void navigation(StringBuilder html, List<TrendSeries> series) {
        if (series.size() < 2) return;
        html.append("<nav>");
        for (int i = 0; i < series.size(); i++) {
            // ids are numbers: a benchmark name is not a safe id
            html.append("<a href=\"#b").append(i + 1).append("\">").append(escape(series.get(i).name()))
                    .append("</a>");
        }
        html.append("</nav>\n");
    }

    private static void section(StringBuilder html, TrendSeries s, byte[] chart, int number) {
        String png = Base64.getEncoder().encodeToString(chart);
        html.append("<section id=\"b").append(number).append("\">\n<h2>").append(escape(s.name()))
                .append(" <small>(").append(escape(s.directionText())).append(", ").append(escape(s.unit()))
                .append(")</small></h2>\n")
                .append("<img src=\"data:image/png;base64,").append(png).append("\" width=\"")
                .append(TrendChart.WIDTH).append("\" height=\"").append(TrendChart.HEIGHT)
                .append("\" alt=\"Trend of ").append(escape(s.name())).append("\">\n");
        changePointTable(html, s);
        html.append("</section>\n");
    }

    private static void changePointTable(StringBuilder html, TrendSeries s) {
        if (s.changePoints().isEmpty()) {
            html.append("<p class=\"none\">No change points in ").append(s.runs().size())
                    .append(s.runs().size() == 1 ? " run" : " runs").append(".</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>from run</th><th>commit</th><th>date (UTC)</th>")
                .append("<th>change</th><th>median before</th><th>median after</th><th>p-value</th></tr></thead>\n")
                .append("<tbody>\n");
        String unit = " " + escape(s.unit());
        for (ChangePoint cp : s.changePoints()) {
            TrendPoint run = s.runs().get(cp.index());
            String css = TrendMarkers.colour(cp) == TrendMarkers.WORSE ? "worse"
                    : TrendMarkers.colour(cp) == TrendMarkers.BETTER ? "better" : "none";
            html.append("<tr><td class=\"num\">").append(cp.index() + 1).append("</td><td>")
                    .append(commit(cp)).append("</td><td>").append(run.time() == null ? "-" : DAY_TIME.format(run.time()))
                    .append("</td><td class=\"num ").append(css).append("\">")
                    .append(escape(Numbers.percent(cp.change()))).append("</td><td class=\"num\">")
                    .append(escape(Numbers.number(cp.medianBefore()))).append(unit)
                    .append("</td><td class=\"num\">").append(escape(Numbers.number(cp.medianAfter())))
                    .append(unit).append("</td><td class=\"num\">").append(escape(Numbers.pValue(cp.pValue())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String commit(ChangePoint cp) {
        if (cp.commit() == null) return "<span class=\"none\">unknown</span>";
        return "<code title=\"" + escape(cp.commit()) + "\">" + escape(cp.shortCommit(7)) + "</code>";
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
