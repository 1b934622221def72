package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Reads the JUnit XML report with a real consumer: Maven Surefire's own report parser
 * ({@code org.apache.maven.surefire:surefire-report-parser}, what {@code maven-surefire-report-plugin} reads test
 * results with). It runs when that artifact is on the test class path and is skipped, with the reason, when not;
 * it goes through reflection so the tests compile either way.
 */
class JunitReportSurefireTest {

    private static final String PARSER = "org.apache.maven.plugins.surefire.report.TestSuiteXmlParser";
    private static final String LOGGER = "org.apache.maven.plugin.surefire.log.api.ConsoleLogger";

    @Test
    void surefireReadsEveryBenchmarkFailureAndSkip(@TempDir Path dir) throws Exception {
        ComparisonReport report = ComparisonFixtures.everyVerdict();
        Path file = dir.resolve("TEST-perfgate.xml");
        Files.writeString(file, new JunitReport("tviews").render(report), StandardCharsets.UTF_8);

        List<?> suites = parse(file);

        assertThat(suites).hasSize(1);
        Object suite = suites.get(0);
        assertThat(List.of(call(suite, "getNumberOfTests"), call(suite, "getNumberOfFailures"),
                call(suite, "getNumberOfErrors"), call(suite, "getNumberOfSkipped"))).containsExactly(9, 2, 0, 1);
        List<String> names = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Object c : (List<?>) call(suite, "getTestCases")) {
            names.add((String) call(c, "getName"));
            if ((Boolean) call(c, "hasFailure")) failures.add((String) call(c, "getFailureMessage"));
            if ((Boolean) call(c, "hasSkipped")) assertThat(call(c, "getName")).isEqualTo("removed");
            assertThat(call(c, "getFullClassName")).isEqualTo("perfgate.tviews");
        }
        assertThat(names).containsExactlyElementsOf(report.benchmarks().stream().map(b -> b.name()).toList());
        assertThat(failures).hasSize(2).allSatisfy(m -> assertThat((String) m).startsWith("regression: +"));
    }

    /** {@code new TestSuiteXmlParser(silentLogger).parse(file)}, or a skip when Surefire's parser is absent. */
    private static List<?> parse(Path file) throws Exception {
        Class<?> parser;
        Class<?> logger;
        try {
            parser = Class.forName(PARSER);
            logger = Class.forName(LOGGER);
        } catch (ClassNotFoundException e) {
            abort("Maven Surefire's report parser is not on the test class path: add the test dependency "
                    + "org.apache.maven.surefire:surefire-report-parser to run this check (" + e.getMessage() + ")");
            return List.of();
        }
        Object silent = Proxy.newProxyInstance(logger.getClassLoader(), new Class<?>[]{logger},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
        Object instance = parser.getConstructor(logger).newInstance(silent);
        Object suites = parser.getMethod("parse", String.class).invoke(instance, file.toString());
        assertThat((Boolean) parser.getMethod("isValid").invoke(instance)).as("parser says the file is valid").isTrue();
        return (List<?>) suites;
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }
}
