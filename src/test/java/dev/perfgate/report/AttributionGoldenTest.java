package dev.perfgate.report;

import dev.perfgate.Golden;
import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.CounterCheck;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Profile;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * These tests seal how every format says where a regression went: the shares (statement text shortened in text,
 * Markdown and JUnit, whole in JSON and HTML), "no single statement stands out", and a statement's two plan trees.
 */
class AttributionGoldenTest {

    private static final String LONG = "SELECT jsonb_build_object('id', p.id, 'name', p.name, 'price', p.price, "
            + "'category', jsonb_build_object('id', c.id, 'name', c.name)) FROM tviews.products p JOIN tviews.categories c "
            + "ON c.id = p.category_id WHERE p.id = p_id";

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
            "text,     en-US, attribution.txt",
            "text,     de-DE, attribution.txt",
            "markdown, en-US, attribution.md",
            "json,     en-US, attribution.json",
            "json,     de-DE, attribution.json",
            "junit,    en-US, attribution-junit.xml",
            "html,     en-US, attribution.html",
    })
    void golden(String format, String locale, String golden) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(locale));
            Golden.assertMatches(golden, Exporters.byName(format).orElseThrow().make(false, "tviews").render(report()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void textShortensTheStatementWhereJsonAndHtmlKeepItWhole() {
        String text = new TextReport(false).render(report());
        assertThat(text).contains("  single_row_update: +0.1022 ms per iteration net; the parts that got slower added 0.1100 ms, the shares")
                .contains("\n    63.6% of the added time: function products_changed() self time")
                .contains("under `UPDATE tviews.products")
                .contains("\n      36.4% of the added time: nested statement `SELECT")
                .contains("\n    offset, took back 7.1% of the added time: nested statement `SELECT count(*)")
                .contains("not placed")
                .contains("...`").doesNotContain(LONG);
        assertThat(new JsonReport().render(report())).contains(LONG.replace("'", "'"));
        assertThat(new HtmlReport().render(report())).contains("<pre class=\"plan\">");
    }

    static ComparisonReport report() {
        Profile.Parent update = new Profile.Parent(Profile.STATEMENT, "UPDATE tviews.products SET price = $1 / $3, "
                + "updated_at = date_trunc($4, now()) WHERE id = $2", -6566630590836981456L, true);
        Profile.Parent trigger = new Profile.Parent(Profile.FUNCTION, "products_changed()", 0, false);
        // the gross change: 0.1022 net + 0.0078 the offset took back = 0.1100; 0.0700 + 0.0400 of it the two parts
        Attribution.Share fn = new Attribution.Share(Profile.FUNCTION, "products_changed()", 0, false, 0.0049, 0.0749,
                1, 1, 0.0700, 0.0316, 0.0700 / 0.1100, false, update, true, 0);
        Attribution.Share st = new Attribution.Share(Profile.STATEMENT, LONG, -2394038806733245839L, false, 0.0910,
                0.1310, 1, 1, 0.0400, 0.0201, 0.0400 / 0.1100, false, trigger, true, 1);
        Attribution.Share faster = new Attribution.Share(Profile.STATEMENT, "SELECT count(*) FROM tviews.reviews", 17,
                false, 0.0200, 0.0122, 1, 1, -0.0078, 0.0030, -0.0078 / 0.1100, true, null, false, 0);
        Attribution.PlanChange plan = new Attribution.PlanChange(LONG,
                "  Aggregate\n!   ->  Index Only Scan using reviews_idx on reviews  Index Cond: (product_id = 1)",
                "  Aggregate\n!   ->  Seq Scan on reviews  Filter: (product_id = 1)");
        Attribution regressed = new Attribution(List.of(fn, st, faster), 1, 0.1022, 0.1100, List.of(plan),
                List.of());
        Attribution nothing = new Attribution(List.of(), 0, 0.004, 0, List.of(), List.of("attribution: track_functions "
                + "cannot be set (needs superuser or a grant): statements only"));
        return new ComparisonReport(OverallVerdict.FAIL, false, false, List.of(), List.of(), List.of(
                benchmark("single_row_update", 0.111, 0.213, Verdict.REGRESSION, regressed),
                benchmark("cascade_10_entities", 0.59, 0.62, Verdict.WARNING, nothing)), Policy.DEFAULT);
    }

    private static BenchmarkComparison benchmark(String name, double base, double current, Verdict v, Attribution a) {
        CounterCheck.Result counters = new CounterCheck.Result(Verdict.OK, List.of(), null, null, a, null);
        return BenchmarkComparison.builder(new BenchmarkComparison.Sides(name, "ms", Direction.LOWER,
                        Summary.of(new Sample(new double[]{base * 0.9, base, base * 1.1})),
                        Summary.of(new Sample(new double[]{current * 0.9, current, current * 1.1}))))
                .statistics(new BenchmarkComparison.Statistics(BenchmarkComparison.METHOD_MANN_WHITNEY,
                        new RelativeChange(current / base - 1, current / base - 1.05, current / base - 0.95, 0.95),
                        0.001, 0.001, null))
                .verdict(v).timeVerdict(v).counters(counters).build();
    }
}
