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
        assertThat(text).contains("all of the added time (113.6% as measured): function products_changed() self time")
                .contains("...`").doesNotContain(LONG);
        assertThat(new JsonReport().render(report())).contains(LONG.replace("'", "'"));
        assertThat(new HtmlReport().render(report())).contains("<pre class=\"plan\">");
    }

    static ComparisonReport report() {
        Attribution.Share fn = new Attribution.Share(Profile.FUNCTION, "products_changed()", 0, false, 0.0049, 0.0914,
                1, 1, 0.0865, 0.0316, 1.136);
        Attribution.Share st = new Attribution.Share(Profile.STATEMENT, LONG, -2394038806733245839L, false, 0.0910, 0.1500,
                1, 1, 0.059, 0.0201, 0.45);
        Attribution.PlanChange plan = new Attribution.PlanChange(LONG,
                "  Aggregate\n!   ->  Index Only Scan using reviews_idx on reviews  Index Cond: (product_id = 1)",
                "  Aggregate\n!   ->  Seq Scan on reviews  Filter: (product_id = 1)");
        Attribution regressed = new Attribution(List.of(fn, st), 1, 0.1022, List.of(plan), List.of());
        Attribution nothing = new Attribution(List.of(), 0, 0.004, List.of(), List.of("attribution: track_functions "
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
