package dev.perfgate.report;

import static dev.perfgate.report.TrendFixtures.changePoint;
import static dev.perfgate.report.TrendFixtures.runs;
import static dev.perfgate.report.TrendFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.model.Direction;

class TrendPageTest {

    private static final String HOSTILE = "<script>alert(1)</script>|**x**";
    private static final String IMG = "<img src=\"data:image/png;base64,";

    @Test
    void thereIsOneEmbeddedChartPerBenchmarkAndEachDecodes() throws IOException {
        List<TrendSeries> series = List.of(series("single_row_update", 60), series("bulk_1k_rows", 1),
                series("cascade_10_entities", 0));

        String html = TrendPage.html(series, "perfgate trends");

        assertThat(count(html, IMG)).isEqualTo(3);
        Matcher m = Pattern.compile("base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        while (m.find()) {
            BufferedImage image = TrendChartTest.decode(Base64.getDecoder().decode(m.group(1)));
            assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
        }
    }

    @Test
    void hostileNamesCommitsAndUnitsAreEscapedAndThereIsNoScriptAtAll() {
        List<ChangePoint> cps = List.of(new ChangePoint(10, "\"><img src=x onerror=alert(2)>", 0.1, 1, 1.1, 1e-4));
        TrendSeries hostile = new TrendSeries(HOSTILE, "ms<b>", Direction.LOWER, runs(30, 1, 1), 1.0, cps);

        String html = TrendPage.html(List.of(hostile, series("ok", 20)), "trends of " + HOSTILE);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;|**x**")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
                .contains("ms&lt;b&gt;")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onerror=alert(2)>")
                .doesNotContain("<b>");
        assertThat(count(html, "<img ")).isEqualTo(2);
    }

    @Test
    void thePageIsSelfContainedAndForbidsScripts() {
        String html = TrendPage.html(List.of(series("single_row_update", 30)), "perfgate trends");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContainIgnoringCase("<script");
    }

    @Test
    void eachChangePointHasARowWithCommitDateChangeAndPValue() {
        TrendSeries s = new TrendSeries("single_row_update", "ms", Direction.LOWER, runs(60, 1.2, 2), 1.21,
                List.of(changePoint(20, 0.081), changePoint(40, -0.036)));

        String html = TrendPage.html(List.of(s), "t");

        assertThat(count(html, "<tr><td")).isEqualTo(2);
        // run 21 is the 21st run, 20 × 20 min after 08:00; numbers use a dot even under the German test locale
        assertThat(html).contains("<td class=\"num\">21</td>").contains(">3f2a9d5</code>")
                .contains("2026-09-01 14:40").contains("+8.1%").contains("-3.6%").contains("1.200 ms")
                .contains("&lt;0.001");
    }

    @Test
    void chartsDrawnBeforehandAreEmbeddedAsGiven() {
        TrendSeries s = series("single_row_update", 30);
        byte[] png = TrendChart.png(s);
        String html = TrendPage.html(List.of(s), List.of(png), "t");
        assertThat(html).contains(IMG + Base64.getEncoder().encodeToString(png) + "\"");
        assertThatThrownBy(() -> TrendPage.html(List.of(s), List.of(), "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("0 charts for 1 benchmarks");
    }

    @Test
    void aBenchmarkWithoutChangePointsSaysSo() {
        TrendSeries s = new TrendSeries("quiet", "ms", Direction.LOWER, runs(12, 1, 2), null, List.of());
        assertThat(TrendPage.html(List.of(s), "t")).contains("No change points in 12 runs.");
    }

    @Test
    void escapingCoversEveryHtmlSpecialCharacter() {
        assertThat(TrendPage.escape("<a href='x' title=\"y\">&</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
        assertThat(TrendPage.escape(null)).isEmpty();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }
}
