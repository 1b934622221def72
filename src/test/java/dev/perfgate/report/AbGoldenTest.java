package dev.perfgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.Golden;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * These tests seal the A/B comparison formats users script against ({@code check --against}): the JSON report with
 * {@code mode: ab}, {@code ab}, {@code pairs} and {@code detectable}, the Markdown comment with its pairs column and
 * the JUnit XML with the two versions, each rendered by the exporter {@link Exporters} hands out, under an English
 * and a decimal-comma locale.
 */
class AbGoldenTest {

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
            "json,     en-US, ab-comparison.json",
            "json,     de-DE, ab-comparison.json",
            "markdown, en-US, ab-comparison.md",
            "markdown, de-DE, ab-comparison.md",
            "junit,    en-US, ab-perfgate-junit.xml",
            "junit,    de-DE, ab-perfgate-junit.xml",
    })
    void golden(String format, String locale, String golden) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(locale));
            Golden.assertMatches(golden, render(format));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void fixtureShowsEachAbVerdict() {
        ComparisonReport r = AbFixtures.comparison();
        assertThat(r.mode()).isEqualTo(ComparisonReport.Mode.AB);
        assertThat(r.verdict()).isEqualTo(OverallVerdict.FAIL);
        Map<String, String> verdicts = new HashMap<>();
        r.benchmarks().forEach(b -> verdicts.put(b.name(), b.verdict().jsonName()));
        assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "slowed_30pct", "regression",      // 2 passes: may fail, and +30 % clears the stricter level
                "steady", "ok",                    // same level on both sides
                "speedup_ratio", "improvement",    // higher is better and it rose by 20 %
                "first_pass_decisive", "regression", // 1 pass, +30 %: certain at the first look's 99 %
                "added", "new",                    // only in the candidate
                "removed", "missing"));            // only in the base
    }

    @Test
    void jsonCarriesWhatScriptsReadForAnAbRun() throws Exception {
        JsonNode root = Json.MAPPER.readTree(render("json"));
        assertThat(root.path("format").asText()).isEqualTo(JsonReport.FORMAT);
        assertThat(root.path("mode").asText()).isEqualTo("ab");
        JsonNode ab = root.path("ab");
        assertThat(ab.path("session").asText()).isEqualTo("5e55100a");
        assertThat(ab.path("base").path("kind").asText()).isEqualTo("git");
        assertThat(ab.path("base").path("ref").asText()).isEqualTo("HEAD~1");
        assertThat(ab.path("candidate").path("kind").asText()).isEqualTo("worktree");
        assertThat(ab.path("candidate").path("dirty").asBoolean()).isTrue();
        for (JsonNode b : root.path("benchmarks")) {
            String name = b.path("name").asText();
            boolean bothSides = !name.equals("added") && !name.equals("removed");
            assertThat(b.has("pairs")).as(name + " has pairs").isEqualTo(bothSides);
            if (!bothSides) continue;
            // every candidate sample pairs with the base sample measured beside it
            assertThat(b.path("pairs").asInt()).as(name).isEqualTo(b.path("current").path("n").asInt())
                    .isEqualTo(b.path("baseline").path("n").asInt());
            assertThat(b.path("method").asText()).as(name).isEqualTo("wilcoxon signed-rank (paired)");
            assertThat(b.path("detectable").isNumber()).as(name + " detectable").isTrue();
            assertThat(b.path("detectable").asDouble()).as(name).isBetween(0.0, 0.10);
        }
    }

    @Test
    void junitNamesBothVersionsAndIsValid() throws Exception {
        String xml = render("junit");
        JunitReportTest.validate(xml);
        Document doc = JunitReportTest.parse(xml);
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = doc.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            properties.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        assertThat(properties).containsEntry("perfgate.mode", "ab")
                .containsEntry("perfgate.base", "git HEAD~1 (0123456789)")
                .containsEntry("perfgate.candidate", "work tree at fedcba9876 + uncommitted changes");
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void markdownHasAPairsColumn() {
        String header = render("markdown").lines().filter(l -> l.startsWith("| benchmark")).findFirst().orElseThrow();
        assertThat(header).contains("| pairs |");
    }

    /** The fixture rendered by the exporter {@code --format NAME} makes, for suite {@code tviews}. */
    private static String render(String format) {
        return Exporters.byName(format).orElseThrow().make(false, "tviews").render(AbFixtures.comparison());
    }
}
