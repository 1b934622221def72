package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.stats.RelativeChange;
import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.stats.Summary;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit XML report, in the shape Jenkins, GitLab and GitHub test reporters read (Ant's format, as described
 * by the Jenkins xUnit {@code junit-10.xsd}): one {@code <testsuite name="perfgate">}, one {@code <testcase>} per
 * benchmark.
 *
 * <ul>
 *   <li>a regression is a {@code <failure type="regression">}: the numbers in its message, all of them in its body
 *       (so is an inconclusive benchmark when the policy fails on those);</li>
 *   <li>a benchmark only in the baseline is {@code <skipped>}: it was not run, which is not a failure;</li>
 *   <li>every other verdict passes, with its verdict, numbers and notes in {@code <system-out>};</li>
 *   <li>the report's warnings and one-line summary are the suite's {@code <system-out>}, the verdict and policy
 *       its {@code <properties>}.</li>
 * </ul>
 * Times are {@code 0}: the comparison takes none, and the benchmarks' timings are the numbers reported.
 * Written with the JDK's {@link XMLStreamWriter}, so escaping is the XML library's; characters XML 1.0 forbids
 * (most control characters) are dropped first.
 */
public final class JunitReport implements Exporter {

    private final String className;

    /** Test cases in class {@code perfgate}. */
    public JunitReport() {
        this(null);
    }

    /** Test cases in class {@code perfgate.SUITE} (so CI groups them by suite), or {@code perfgate} when null. */
    public JunitReport(String suite) {
        this.className = suite == null || suite.isBlank() ? "perfgate" : "perfgate." + suite;
    }

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String fileName() {
        return "perfgate-junit.xml";
    }

    @Override
    public String render(ComparisonReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, report);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            counts(xml, report);
            properties(xml, report);
            for (BenchmarkComparison b : report.benchmarks()) testcase(xml, b, report.policy(), Formats.sides(report));
            text(xml, "    ", "system-out", suiteOutput(report));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out + "\n";
    }

    private static void counts(XMLStreamWriter xml, ComparisonReport report) throws XMLStreamException {
        attribute(xml, "name", "perfgate");
        attribute(xml, "tests", Integer.toString(report.benchmarks().size()));
        attribute(xml, "failures", Long.toString(report.benchmarks().stream()
                .filter(b -> fails(b, report.policy())).count()));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", Integer.toString(report.withVerdict(Verdict.MISSING).size()));
        attribute(xml, "time", "0");
    }

    private static void properties(XMLStreamWriter xml, ComparisonReport report) throws XMLStreamException {
        Policy p = report.policy();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "perfgate.verdict", report.verdict().jsonName());
        property(xml, "perfgate.mode", report.mode().jsonName());
        if (report.ab() != null) {
            if (report.ab().base() != null) property(xml, "perfgate.base", report.ab().base().describe());
            if (report.ab().candidate() != null) property(xml, "perfgate.candidate", report.ab().candidate().describe());
        }
        property(xml, "perfgate.quick", Boolean.toString(report.quick()));
        property(xml, "perfgate.environment_mismatch", Boolean.toString(report.environmentMismatch()));
        property(xml, "perfgate.fail_threshold", Numbers.percent(p.failThreshold()));
        property(xml, "perfgate.warn_threshold", Numbers.percent(p.warnThreshold()));
        property(xml, "perfgate.alpha", Double.toString(p.alpha()));
        property(xml, "perfgate.correction", p.correction().jsonName());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private void testcase(XMLStreamWriter xml, BenchmarkComparison b, Policy policy, String[] sides)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        attribute(xml, "classname", className);
        attribute(xml, "name", b.name());
        attribute(xml, "time", "0");
        String details = details(b, policy, sides);
        if (fails(b, policy)) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            attribute(xml, "type", b.verdict().jsonName());
            Attribution where = AttributionText.shown(b);
            attribute(xml, "message", failureMessage(b, policy) + (where == null ? ""
                    : "; where: " + AttributionText.sentence(where, AttributionText.MAX_TEXT)));
            xml.writeCharacters(clean(details));
            xml.writeEndElement();
        } else {
            if (b.failedAtBase()) {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", Formats.NOT_COMPARED + ": " + b.baseFailure());
            } else if (b.verdict() == Verdict.MISSING) {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", "only in the baseline: not run in the current run");
            }
            text(xml, "      ", "system-out", details);
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** Whether the benchmark fails CI: a regression, or an inconclusive one under a policy that fails on those. */
    static boolean fails(BenchmarkComparison b, Policy policy) {
        return b.verdict() == Verdict.REGRESSION
                || (b.verdict() == Verdict.INCONCLUSIVE && policy.failOnInconclusive());
    }

    /** One line with the numbers, e.g. {@code regression: +30.4% worse (95% interval +28.0% to +33.4%, ...}. */
    static String failureMessage(BenchmarkComparison b, Policy policy) {
        if (b.failedOnCounters()) {
            String what = b.counters() != null && !b.counters().changes().isEmpty()
                    ? b.counters().changes().get(0).describe()
                    : "the plan changed: " + (b.counters() == null ? "?" : b.counters().planAfter());
            return "regression on counters: " + what + "; time alone: " + b.timeVerdict().jsonName() + " ("
                    + Formats.change(b) + ")";
        }
        int level = Numbers.confidencePercent(policy.alpha());
        RelativeChange change = b.statistics().change();
        return b.verdict().jsonName() + ": " + Formats.change(b) + " worse (" + level + "% interval "
                + Numbers.percent(change.low()) + " to " + Numbers.percent(change.high()) + ", p "
                + Numbers.pValue(b.statistics().pValue()) + "): " + Formats.baseline(b) + " -> "
                + Formats.current(b) + "; fails above " + Numbers.percent(policy.failThreshold());
    }

    /** A side's name as a line's label, padded to {@code width} ({@code "baseline: "}, {@code "current:  "}). */
    private static String label(String side, int width) {
        return String.format(java.util.Locale.ROOT, "%-" + width + "s", side + ":");
    }

    /** The verdict and every number behind it, one fact a line; the notes last. */
    static String details(BenchmarkComparison b, Policy policy, String[] sides) {
        List<String> lines = new ArrayList<>();
        lines.add("verdict:  " + Formats.verdict(b));
        if (!Double.isNaN(b.statistics().change().estimate())) {
            int level = Numbers.confidencePercent(policy.alpha());
            lines.add("change:   " + Formats.change(b) + " (positive = worse), " + level + "% interval "
                    + Formats.interval(b));
            lines.add("p-value:  " + Numbers.pValue(b.statistics().pValue()) + " (" + policy.correction().jsonName()
                    + "; uncorrected " + Numbers.pValue(b.statistics().rawPValue()) + "), " + b.statistics().method());
            lines.add("detect:   could detect " + Formats.detectable(b) + (b.statistics().pairs() == null ? ""
                    : " (" + b.statistics().pairs() + " pairs)"));
        }
        if (b.counters() != null) {
            lines.add("verdicts: time " + b.timeVerdict().jsonName() + ", counters " + Formats.counterVerdict(b)
                    + (b.failedOnCounters() ? " (the counters failed it)" : ""));
        }
        int width = Math.max(10, Math.max(sides[0].length(), sides[1].length()) + 2);
        lines.add(label(sides[0], width) + summary(b.sides().baseline(), b.sides().unit()));
        lines.add(label(sides[1], width) + summary(b.sides().current(), b.sides().unit()));
        lines.add("policy:   fails above " + Numbers.percent(policy.failThreshold()) + ", warns above "
                + Numbers.percent(policy.warnThreshold()) + (b.sides().direction() == null ? ""
                : "; " + b.sides().direction().jsonName() + " is better"));
        for (String note : b.notes()) lines.add("note:     " + note);
        return String.join("\n", lines);
    }

    private static String summary(Summary s, String unit) {
        if (s == null) return "-";
        String u = " " + unit;
        return "n=" + s.n() + " median=" + Numbers.number(s.median()) + u + " mean=" + Numbers.number(s.mean()) + u
                + " stddev=" + Numbers.number(s.stddev()) + u + " min=" + Numbers.number(s.min()) + u + " p95="
                + Numbers.number(s.p95()) + u + " max=" + Numbers.number(s.max()) + u;
    }

    private static String suiteOutput(ComparisonReport report) {
        StringBuilder s = new StringBuilder();
        for (String w : report.warnings()) s.append("WARNING: ").append(w).append('\n');
        return s.append(TextReport.summaryLine(report)).toString();
    }

    private static void text(XMLStreamWriter xml, String indent, String element, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n" + indent);
        xml.writeStartElement(element);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** An attribute: illegal characters dropped, line breaks and tabs as spaces (what a parser would make of them). */
    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, clean(value).replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    }

    /**
     * Drops what XML 1.0 cannot carry even escaped: control characters other than tab, LF and CR, lone
     * surrogates, U+FFFE and U+FFFF (production 2, {@code Char}, of the XML 1.0 recommendation).
     */
    static String clean(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(JunitReport::legal).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean legal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
