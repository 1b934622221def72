package dev.perfgate.report;

import dev.perfgate.Golden;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** These tests seal the comparison formats (text and perfgate-comparison/1 JSON). */
class ComparisonGoldenTest {

    @Test
    void fixtureShowsEveryVerdict() {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        assertThat(r.benchmarks()).extracting(b -> b.verdict()).contains(Verdict.REGRESSION, Verdict.WARNING,
                Verdict.OK, Verdict.IMPROVEMENT, Verdict.INCONCLUSIVE, Verdict.NEW, Verdict.MISSING);
    }

    @Test
    void textReport() {
        Golden.assertMatches("comparison.txt", new TextReport(false).render(ComparisonFixtures.everyVerdict()));
    }

    @Test
    void jsonReport() {
        Golden.assertMatches("comparison.json", new JsonReport().render(ComparisonFixtures.everyVerdict()));
    }

    @Test
    void formatsDoNotDependOnTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = new JsonReport().render(ComparisonFixtures.everyVerdict())
                    + new TextReport(false).render(ComparisonFixtures.everyVerdict());
            Locale.setDefault(Locale.US);
            String us = new JsonReport().render(ComparisonFixtures.everyVerdict())
                    + new TextReport(false).render(ComparisonFixtures.everyVerdict());
            assertThat(german).isEqualTo(us);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
