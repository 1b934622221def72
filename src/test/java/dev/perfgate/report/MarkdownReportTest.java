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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** These tests seal the Markdown report (the PR comment) and its escaping. */
class MarkdownReportTest {

    @Test
    void golden() {
        Golden.assertMatches("comparison.md", new MarkdownReport().render(ComparisonFixtures.everyVerdict()));
    }

    @Test
    void hostileNameIsTextInOneCell() {
        String md = new MarkdownReport().render(ComparisonFixtures.everyVerdict());
        assertThat(md).doesNotContain("<script").doesNotContain("**x**")
                .contains("| &lt;script&gt;alert(1)&lt;/script&gt;\\|\\*\\*x\\*\\* | 0.9987 ms |");
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(2 + ComparisonFixtures.everyVerdict().benchmarks().size());
        // seven columns: eight cell borders, whatever the names contain
        assertThat(rows).allSatisfy(row -> assertThat(unescapedPipes(row)).as(row).isEqualTo(8));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "plain_name => plain\\_name",
            "a|b => a\\|b",
            "**bold** _it_ `code` => \\*\\*bold\\*\\* \\_it\\_ \\`code\\`",
            "[link](http://x) ![i](y) => \\[link\\](http://x) \\!\\[i\\](y)",
            "<img src=x onerror=y> => &lt;img src=x onerror=y&gt;",
            "a &amp; b => a &amp;amp; b",
            "back\\slash ~~strike~~ #1 => back\\\\slash \\~\\~strike\\~\\~ \\#1",
    })
    void escapesMarkdownAndHtml(String text, String expected) {
        assertThat(MarkdownReport.escape(text)).isEqualTo(expected);
    }

    @Test
    void lineBreaksInNamesAndNotesKeepTheTableAndListIntact() {
        String md = new MarkdownReport().render(single("two\nlines|x", List.of("note\r\nwith <b>break</b>")));
        assertThat(md).contains("| two lines\\|x | 1.000 ms |").contains("- **two lines\\|x**: note  with &lt;b&gt;");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).toList())
                .allSatisfy(row -> assertThat(unescapedPipes(row)).isEqualTo(8));
    }

    @Test
    void quickRunIsLabelledProminently() {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        ComparisonReport quick = new ComparisonReport(r.verdict(), true, false, List.of(),
                List.of("QUICK MODE, LOW CONFIDENCE: a quick run"), r.benchmarks(), r.policy());
        String md = new MarkdownReport().render(quick);
        assertThat(md.lines().skip(2).limit(2).toList()).anySatisfy(l -> assertThat(l)
                .startsWith("> **⚠️ Quick run, low confidence.**"));
        assertThat(md).contains("(quick, low confidence)").contains("- ⚠️ QUICK MODE, LOW CONFIDENCE: a quick run");
        assertThat(new MarkdownReport().render(r)).doesNotContainIgnoringCase("quick");
    }

    @Test
    void warningsAreListedAndEscaped() {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        ComparisonReport mismatch = new ComparisonReport(r.verdict(), false, true, List.of("cpu: \"<b>A</b>\" vs \"B\""),
                List.of("ENVIRONMENT MISMATCH: cpu: \"<b>A</b>\" vs \"B_1\""), r.benchmarks(), r.policy());
        assertThat(new MarkdownReport().render(mismatch))
                .contains("**Warnings**\n\n- ⚠️ ENVIRONMENT MISMATCH: cpu: \"&lt;b&gt;A&lt;/b&gt;\" vs \"B\\_1\"\n");
    }

    @Test
    void headlineCarriesVerdictAndEmoji() {
        assertThat(new MarkdownReport().render(ComparisonFixtures.everyVerdict()).lines().toList().subList(0, 2))
                .containsExactly(MarkdownReport.MARKER, "## ❌ perfgate: FAIL (2 regressions, 1 warning, 1 inconclusive)");
        ComparisonReport empty = new ComparisonReport(OverallVerdict.PASS, false, false, List.of(), List.of(), List.of(),
                Policy.DEFAULT);
        assertThat(new MarkdownReport().render(empty)).contains("## ✅ perfgate: PASS\n").contains("No benchmarks");
    }

    @Test
    void doesNotDependOnTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = new MarkdownReport().render(ComparisonFixtures.everyVerdict());
            Locale.setDefault(Locale.US);
            assertThat(german).isEqualTo(new MarkdownReport().render(ComparisonFixtures.everyVerdict()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    /** A report of one regression with the given name and notes, 1 ms against 1.3 ms. */
    static ComparisonReport single(String name, List<String> notes) {
        Summary base = Summary.of(new Sample(new double[]{0.9, 1.0, 1.1}));
        Summary current = Summary.of(new Sample(new double[]{1.2, 1.3, 1.4}));
        BenchmarkComparison b = BenchmarkComparison.builder(
                        new BenchmarkComparison.Sides(name, "ms", Direction.LOWER, base, current))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_MANN_WHITNEY,
                        new RelativeChange(0.3, 0.2, 0.4, 0.95), 0.001, 0.001, null))
                .verdict(Verdict.REGRESSION).notes(notes).build();
        return new ComparisonReport(OverallVerdict.FAIL, false, false, List.of(), List.of(), List.of(b),
                Policy.DEFAULT);
    }

    private static int unescapedPipes(String row) {
        int count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') i++;
            else if (row.charAt(i) == '|') count++;
        }
        return count;
    }
}
