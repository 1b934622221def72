package dev.perfgate.report;

import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Profile;

/**
 * A benchmark's attribution in the HTML report: a table of the statements and functions that account for its change
 * (whole statement texts), and for each statement whose plan changed, both plan trees.
 */
final class HtmlAttribution {

    private HtmlAttribution() {
    }

    static void append(StringBuilder html, BenchmarkComparison b) {
        Attribution a = b.counters() == null ? null : b.counters().attribution();
        if (a == null) return;
        html.append("<h4>Where the time went</h4>\n");
        if (a.shares().isEmpty()) {
            html.append("<p class=\"meta\">").append(Attribution.NOTHING).append(" (change ")
                    .append(Numbers.number(a.changeMillis())).append(" ms per iteration)</p>\n");
        } else {
            html.append("<table class=\"attribution\">\n<thead><tr><th>share</th><th>what</th><th>ms per call</th>")
                    .append("<th>calls per iteration</th><th>change, ms per iteration</th><th>noise, ms</th></tr>")
                    .append("</thead>\n<tbody>\n");
            for (Attribution.Share s : a.shares()) row(html, s);
            html.append("</tbody>\n</table>\n");
            if (a.more() > 0) {
                html.append("<p class=\"meta\">").append(Numbers.count(a.more(), "more stands out", "more stand out"))
                        .append("</p>\n");
            }
        }
        for (String limit : a.limits()) html.append("<p class=\"meta\">").append(TrendPage.escape(limit)).append("</p>\n");
        for (Attribution.PlanChange p : a.plans()) {
            html.append("<p>plan changed: <code>").append(TrendPage.escape(p.text())).append("</code></p>\n")
                    .append("<table class=\"plans\"><thead><tr><th>before</th><th>after</th></tr></thead><tbody><tr>")
                    .append("<td><pre class=\"plan\">").append(TrendPage.escape(p.before())).append("</pre></td>")
                    .append("<td><pre class=\"plan\">").append(TrendPage.escape(p.after())).append("</pre></td>")
                    .append("</tr></tbody></table>\n");
        }
    }

    private static void row(StringBuilder html, Attribution.Share s) {
        String what = (s.depth() > 0 ? "↳ " : "") + (s.kind().equals(Profile.FUNCTION)
                ? "function " + s.text() + " (self time)"
                : (s.toplevel() ? "statement: " : "nested statement: ") + s.text())
                + AttributionText.where(s, Integer.MAX_VALUE);
        String share = s.offset() ? "offset −" + Numbers.share(-s.share()) : Numbers.share(s.share());
        html.append("<tr><td class=\"num\">").append(share).append("</td><td class=\"sql\"")
                .append(s.depth() > 0 ? " style=\"padding-left: " + (1.5 * s.depth()) + "em\"" : "").append(">")
                .append(TrendPage.escape(what)).append("</td><td class=\"num\">")
                .append(Numbers.number(s.beforeMillisPerCall())).append(" → ").append(Numbers.number(s.afterMillisPerCall()))
                .append("</td><td class=\"num\">").append(Numbers.number(s.callsBefore())).append(" → ")
                .append(Numbers.number(s.callsAfter())).append("</td><td class=\"num\">")
                .append(Numbers.number(s.changeMillis())).append("</td><td class=\"num\">±")
                .append(Numbers.number(s.noiseMillis())).append("</td></tr>\n");
    }
}
