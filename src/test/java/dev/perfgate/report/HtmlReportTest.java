package dev.perfgate.report;

import dev.perfgate.Golden;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.model.Direction;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** These tests seal the HTML report: its content, its escaping, and that it needs nothing but itself. */
class HtmlReportTest {

    @Test
    void golden() {
        Golden.assertMatches("comparison.html", new HtmlReport().render(ComparisonFixtures.everyVerdict()));
    }

    @Test
    void namesAreEscapedEverywhere() {
        String html = new HtmlReport().render(ComparisonFixtures.everyVerdict());
        assertThat(html).doesNotContain("<script").doesNotContain("alert(1)</")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;|**x**");
        String notes = new HtmlReport().render(MarkdownReportTest.single("\"'<b>", List.of("<img src=x onerror=y>")));
        assertThat(notes).doesNotContain("<b>").doesNotContain("<img")
                .contains("&quot;&#39;&lt;b&gt;").contains("<li>&lt;img src=x onerror=y&gt;</li>");
    }

    @Test
    void selfContainedAndScriptFree() {
        String html = new HtmlReport().render(ComparisonFixtures.everyVerdict());
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'\">");
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("src=").doesNotContain("<link").doesNotContain("@import").doesNotContain("url(")
                .doesNotContain("javascript").doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void oneRowAndOneChartPerBenchmark() {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        String html = new HtmlReport().render(r);
        String table = html.substring(html.indexOf("<table class=\"verdicts\">"), html.indexOf("</table>"));
        assertThat(count(table, "<tr><td class=\"name\">")).isEqualTo(r.benchmarks().size());
        assertThat(count(html, "<svg class=\"dist\"")).isEqualTo(r.benchmarks().size());
        assertThat(count(html, "<section id=\"b")).isEqualTo(r.benchmarks().size());
        for (Verdict v : Verdict.values()) assertThat(html).contains("<span class=\"pill " + v.jsonName() + "\">");
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void quickRunAndWarningsAreShown() {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        ComparisonReport quick = new ComparisonReport(r.verdict(), true, true, List.of(),
                List.of("ENVIRONMENT MISMATCH: cpu: \"<i>A</i>\" vs \"B\""), r.benchmarks(), r.policy());
        String html = new HtmlReport().render(quick);
        assertThat(html).contains("<p class=\"quick\"><strong>Quick run, low confidence.</strong>")
                .contains("<li>ENVIRONMENT MISMATCH: cpu: &quot;&lt;i&gt;A&lt;/i&gt;&quot; vs &quot;B&quot;</li>");
        assertThat(new HtmlReport().render(r)).doesNotContain("class=\"quick\"").doesNotContain("class=\"warnings\"");
    }

    @Test
    void summaryOnlyBaselineIsDrawnAsMeanAndDeviation() {
        Summary legacy = Summary.ofMoments(50, 1.0, 0.1, 1.2);
        Summary current = Summary.of(new Sample(new double[]{1.0, 1.1, 1.2, 1.3}));
        String html = new HtmlReport().render(report(BenchmarkComparison.builder(
                new BenchmarkComparison.Sides("legacy", "ms", Direction.LOWER, legacy, current))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_WELCH,
                        new RelativeChange(0.02, -0.01, 0.04, 0.95), 0.5, 0.5, null))
                .verdict(Verdict.OK).build()));
        assertThat(html).contains(">baseline (summary)</text>").contains("summary only: mean 1.000 ms ± sd 0.1000 ms")
                .doesNotContain("NaN");
    }

    @Test
    void aStallDoesNotSqueezeTheBoxesAndStaysInsideTheChart() {
        double[] samples = new double[100];
        for (int i = 0; i < samples.length; i++) samples[i] = 1 + i / 1000.0;
        samples[99] = 40; // one stall, 40 times slower
        Summary stalled = Summary.of(new Sample(samples));
        String html = new HtmlReport().render(report(BenchmarkComparison.builder(
                new BenchmarkComparison.Sides("stall", "ms", Direction.LOWER, stalled, stalled))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_MANN_WHITNEY,
                        new RelativeChange(0, -0.01, 0.01, 0.95), 1, 1, null))
                .verdict(Verdict.OK).build()));
        assertThat(count(html, "class=\"whisker-end\"")).isEqualTo(2);
        Matcher x = Pattern.compile(" (?:x|x1|x2)=\"([0-9.]+)\"").matcher(html);
        while (x.find()) assertThat(Double.parseDouble(x.group(1))).isBetween(0.0, (double) HtmlDistribution.WIDTH);
        Matcher tick = Pattern.compile("class=\"tick\"[^>]*>([0-9.]+)</text>").matcher(html);
        while (tick.find()) assertThat(Double.parseDouble(tick.group(1))).as("axis ends near p99").isLessThan(3);
    }

    @Test
    void ticksAreRound() {
        assertThat(HtmlDistribution.ticks(0.87, 1.12)).extracting(t -> String.format(Locale.ROOT, "%.3f", t))
                .containsExactly("0.900", "0.950", "1.000", "1.050", "1.100");
        assertThat(HtmlDistribution.ticks(0, 5.2)).extracting(t -> String.format(Locale.ROOT, "%.3f", t))
                .containsExactly("0.000", "1.000", "2.000", "3.000", "4.000", "5.000");
        assertThat(HtmlDistribution.ticks(1200, 2900)).containsExactly(1500.0, 2000.0, 2500.0);
    }

    @Test
    void doesNotDependOnTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = new HtmlReport().render(ComparisonFixtures.everyVerdict());
            Locale.setDefault(Locale.US);
            assertThat(german).isEqualTo(new HtmlReport().render(ComparisonFixtures.everyVerdict()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static ComparisonReport report(BenchmarkComparison b) {
        return new ComparisonReport(OverallVerdict.PASS, false, false, List.of(), List.of(), List.of(b), Policy.DEFAULT);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
