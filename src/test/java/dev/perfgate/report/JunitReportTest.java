package dev.perfgate.report;

import dev.perfgate.Golden;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Policy;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * These tests seal the JUnit XML report and check that consumers can read it: it validates against a schema
 * after Jenkins' {@code junit-10.xsd} ({@code src/test/resources/junit/junit-jenkins.xsd}), and parsed back its
 * counts, names and messages are what the comparison says. {@link JunitReportSurefireTest} reads it with Maven
 * Surefire's own report parser.
 */
class JunitReportTest {

    @Test
    void golden() {
        Golden.assertMatches("perfgate-junit.xml", new JunitReport().render(ComparisonFixtures.everyVerdict()));
    }

    @Test
    void validatesAgainstTheJenkinsSchema() throws Exception {
        validate(new JunitReport("tviews").render(ComparisonFixtures.everyVerdict()));
        validate(new JunitReport().render(MarkdownReportTest.single("x", List.of())));
        validate(new JunitReport().render(new ComparisonReport(OverallVerdict.PASS, false, false, List.of(), List.of(),
                List.of(), Policy.DEFAULT)));
    }

    @Test
    void parsedBackItSaysWhatTheComparisonSays() throws Exception {
        ComparisonReport report = ComparisonFixtures.everyVerdict();
        Element suite = (Element) parse(new JunitReport("tviews").render(report))
                .getElementsByTagName("testsuite").item(0);
        assertThat(List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped"))).containsExactly("9", "2", "0", "1");
        List<Element> cases = elements(suite.getElementsByTagName("testcase"));
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactlyElementsOf(report.benchmarks().stream().map(b -> b.name()).toList())
                .contains("<script>alert(1)</script>|**x**");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("perfgate.tviews");
        List<String> failed = cases.stream().filter(c -> c.getElementsByTagName("failure").getLength() > 0)
                .map(c -> c.getAttribute("name")).toList();
        assertThat(failed).containsExactly("slower_30pct", "speedup_drop");
        Element failure = (Element) cases.get(1).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("regression: +30.4% worse (95% interval +28.0% to "
                + "+33.4%, p <0.001): 2.000 ms -> 2.586 ms; fails above +10.0%");
        assertThat(failure.getTextContent()).contains("n=100 median=2.000 ms").contains("n=30 median=2.586 ms");
        Element removed = cases.get(8);
        assertThat(removed.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(cases.get(4).getElementsByTagName("system-out").item(0).getTextContent())
                .contains("verdict:  inconclusive").contains("about 1732 iterations per run would decide");
    }

    @Test
    void inconclusiveFailsWhenThePolicySaysSo() throws Exception {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        ComparisonReport strict = new ComparisonReport(OverallVerdict.FAIL, false, false, List.of(), List.of(),
                r.benchmarks(), r.policy().with(v -> v.failOnInconclusive = true));
        Document doc = parse(new JunitReport().render(strict));
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures")).isEqualTo("3");
        Element noisy = elements(doc.getElementsByTagName("testcase")).get(4);
        assertThat(((Element) noisy.getElementsByTagName("failure").item(0)).getAttribute("type"))
                .isEqualTo("inconclusive");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() throws Exception {
        String name = "a\u0000b\u0001c\uD800d\uFFFEe\tf\ng😀";
        String xml = new JunitReport().render(MarkdownReportTest.single(name, List.of("bell\u0007 ]]> & <end>")));
        validate(xml);
        Document doc = parse(xml);
        assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"))
                .isEqualTo("abcde f g😀");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
                .contains("note:     bell ]]> & <end>");
    }

    @Test
    void suiteOutputCarriesWarningsAndSummary() throws Exception {
        ComparisonReport r = ComparisonFixtures.everyVerdict();
        ComparisonReport quick = new ComparisonReport(r.verdict(), true, false, List.of(),
                List.of("QUICK MODE, LOW CONFIDENCE: a quick run"), r.benchmarks(), r.policy());
        Document doc = parse(new JunitReport().render(quick));
        NodeList outs = doc.getElementsByTagName("system-out");
        assertThat(outs.item(outs.getLength() - 1).getTextContent())
                .startsWith("WARNING: QUICK MODE, LOW CONFIDENCE: a quick run\nFAIL: ")
                .contains("(quick, low confidence)");
        assertThat(elements(doc.getElementsByTagName("property"))).anySatisfy(p -> {
            assertThat(p.getAttribute("name")).isEqualTo("perfgate.quick");
            assertThat(p.getAttribute("value")).isEqualTo("true");
        });
    }

    @Test
    void doesNotDependOnTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = new JunitReport().render(ComparisonFixtures.everyVerdict());
            Locale.setDefault(Locale.US);
            assertThat(german).isEqualTo(new JunitReport().render(ComparisonFixtures.everyVerdict()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    static void validate(String xml) throws Exception {
        URL xsd = JunitReportTest.class.getResource("/junit/junit-jenkins.xsd");
        assertThat(xsd).as("schema on the test class path").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }
}
