package dev.perfgate.reliability;

import dev.perfgate.PerfgateException;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.ParamSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Generated suite folders for {@link SuiteReader#readFolder}: random bytes, truncations of the demo suite's files,
 * random marker, settings and parameter lines, huge numbers and deep block comments. Whatever is in the folder, the
 * answer is a suite perfgate can run (every setting usable, every parameter drawable) or a {@link PerfgateException}
 * with a one-line message, within a few seconds: never another exception, never a hang. Enormous files, and a
 * thousand of them, cost seconds of disk: they are read in LargeSuiteIT.
 */
class SuiteFuzzTest {

    /** The demo suite's files, name to text, as shipped in the jar. */
    static final Map<String, String> DEMO = demoFiles();
    static final AtomicInteger TRIES = new AtomicInteger();

    @Property(tries = 100)
    void randomBytesAsABenchmarkFile(@ForAll @Size(max = 2000) byte[] bytes) {
        readOrFailCleanly(Map.of("b.sql", bytes));
    }

    @Property(tries = 60)
    void randomBytesAsTheSuiteFile(@ForAll @Size(max = 2000) byte[] bytes) {
        readOrFailCleanly(Map.of("_suite.sql", bytes, "b.sql", utf8("-- perfgate:run\nSELECT 1;\n")));
    }

    @Property(tries = 100)
    void truncationsOfTheDemoSuite(@ForAll("demoFileNames") String file, @ForAll @IntRange(max = 5000) int cut) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        DEMO.forEach((name, text) -> files.put(name, utf8(name.equals(file) ? text.substring(0,
                Math.min(cut, text.length())) : text)));
        readOrFailCleanly(files);
    }

    @Property(tries = 100)
    void mutationsOfTheDemoSuite(@ForAll("demoFileNames") String file,
                                 @ForAll("mutations") List<SuiteInputs.Mutation> edits) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        DEMO.forEach((name, text) -> {
            StringBuilder t = new StringBuilder(text);
            if (name.equals(file)) edits.forEach(e -> e.apply(t));
            files.put(name, utf8(t.toString()));
        });
        readOrFailCleanly(files);
    }

    @Property(tries = 150)
    void randomMarkerSettingsAndSqlLines(@ForAll("suiteLines") List<String> suiteFile,
                                         @ForAll("benchmarkLines") List<String> benchmark) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!suiteFile.isEmpty()) files.put("_suite.sql", utf8(String.join("\n", suiteFile)));
        files.put("b.sql", utf8(String.join("\n", benchmark)));
        readOrFailCleanly(files);
    }

    @Property(tries = 30)
    void deeplyNestedBlockComments(@ForAll @IntRange(min = 1, max = 200_000) int depth, @ForAll boolean closed,
                                   @ForAll boolean inSuiteFile) {
        String comment = "/*".repeat(depth) + " x " + (closed ? "*/".repeat(depth) : "*/".repeat(depth - 1));
        String sql = "-- perfgate:run\nSELECT 1 " + comment + ";\n";
        readOrFailCleanly(inSuiteFile
                ? Map.of("_suite.sql", utf8("-- perfgate:setup\n" + comment + "\nSELECT 1;\n"), "b.sql", utf8(sql))
                : Map.of("b.sql", utf8(sql)));
    }

    @Property(tries = 50)
    void hugeNumbersInSettingsAndParameters(@ForAll("hugeNumber") String n, @ForAll("numericKey") String key) {
        String setting = key.equals("param") ? "-- perfgate:param id = int(" + n + ", " + n + "*scale)"
                : key.equals("param-low") ? "-- perfgate:param id = int(1, " + n + ")"
                : "-- perfgate: " + key + "=" + n;
        readOrFailCleanly(Map.of("_suite.sql", utf8("-- perfgate: scale=" + (key.equals("scale") ? n : "2147483647")),
                "b.sql", utf8(setting + "\n-- perfgate:run\nSELECT 1" + (key.startsWith("param") ? " + :id" : "")
                        + ";\n")));
    }

    /** The inputs the properties above found crashing the reader or the runner, with the messages they now get. */
    @Example
    void foundByFuzzingAndNowOneClearLine() {
        expectMessage(Map.of("b.sql", utf8("-- perfgate: timeout=9223372036854775807\n-- perfgate:run\nSELECT 1;\n")),
                "b.sql:1: timeout=9223372036854775807 is too long: PostgreSQL allows at most 2147483647ms");
        expectMessage(Map.of("b.sql", utf8("-- perfgate: timeout=99999999999999999999min\n-- perfgate:run\nSELECT 1;\n")),
                "b.sql:1: timeout=99999999999999999999min is too long");
        expectMessage(Map.of("b.sql", utf8("-- perfgate: timeout=35792min\n-- perfgate:run\nSELECT 1;\n")),
                "b.sql:1: timeout=35792min is too long");
        expectMessage(Map.of("b.sql", utf8("-- perfgate:param id = int(5992987952*scale, 5992987952*scale)\n"
                + "-- perfgate:run\nSELECT :id;\n")), "b.sql:1: parameter 'id': a bound multiplied by scale may be at most");
        expectMessage(Map.of("_suite.sql", utf8("-- perfgate: scale=20\n"), "b.sql", utf8(
                "-- perfgate:param id = int(10*scale, 100)\n-- perfgate:run\nSELECT :id;\n")),
                "b.sql: parameter 'id': low bound 200 is above the high bound 100 at scale 20");
        expectMessage(Map.of("b.sql", new byte[]{'-', '-', ' ', (byte) 0xC3, (byte) 0x28}),
                "b.sql: not UTF-8 text: save the file as UTF-8");
        Suite ok = readOrFailCleanly(Map.of("b.sql", utf8("-- perfgate: timeout=35791min\n"
                + "-- perfgate:param id = int(9223372036854775806, 9223372036854775807)\n-- perfgate:run\nSELECT :id;\n")));
        assertThat(ok.benchmarks().get(0).settings().timeoutOrDefault()).isEqualTo(Duration.ofMinutes(35791));
        assertThat(ok.benchmarks().get(0).params().get(0).draw(new SplittableRandom(1), 1))
                .isGreaterThanOrEqualTo(9223372036854775806L);
    }

    private static void expectMessage(Map<String, byte[]> files, String start) {
        Path dir = write(files);
        try {
            assertThatThrownBy(() -> SuiteReader.readFolder(dir)).isInstanceOf(PerfgateException.class)
                    .hasMessageContaining(start);
        } finally {
            delete(dir);
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("SuiteFuzzTest: " + TRIES.get() + " suite folders tried");
    }

    /** Writes the folder and reads it: a usable suite or a one-line PerfgateException, within 20 s. */
    static Suite readOrFailCleanly(Map<String, byte[]> files) {
        Path dir = write(files);
        try {
            return readOrFailCleanly(dir);
        } finally {
            delete(dir);
        }
    }

    static Suite readOrFailCleanly(Path dir) {
        TRIES.incrementAndGet();
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                Suite suite = SuiteReader.readFolder(dir);
                requireUsable(suite);
                return suite;
            } catch (PerfgateException e) {
                assertThat(e.getMessage()).as("one line").isNotBlank().doesNotContain("\n", "\r");
                assertThat(e.getMessage()).as("no Java in the message").doesNotContain("Exception", "java.");
                return null;
            }
        });
    }

    /** What the runner does with a suite before any SQL: every setting and parameter it reads must work. */
    private static void requireUsable(Suite suite) {
        assertThat(suite.benchmarks()).isNotEmpty();
        for (BenchmarkSpec b : suite.benchmarks()) {
            Settings s = suite.settings().overriddenBy(b.settings());
            assertThat(b.timed()).isNotEmpty();
            assertThat(s.iterationsOrDefault()).isPositive();
            assertThat(s.warmupOrDefault()).isNotNegative();
            long timeoutMillis = s.timeoutOrDefault().toMillis();
            assertThat(timeoutMillis).as("statement_timeout is an int of ms in PostgreSQL")
                    .isBetween(1L, (long) Integer.MAX_VALUE);
            SplittableRandom random = new SplittableRandom(s.seedOrDefault());
            for (ParamSpec p : b.params()) {
                for (int i = 0; i < 3; i++) {
                    long v = p.draw(random, s.scaleOrDefault());
                    assertThat(v).isBetween(p.lowAt(s.scaleOrDefault()), p.highAt(s.scaleOrDefault()));
                }
            }
            b.timed().forEach(st -> assertThat(st.sql()).isNotBlank());
        }
    }

    // ---- generators (SuiteInputs) ----

    @Provide
    Arbitrary<String> demoFileNames() {
        return Arbitraries.of(List.copyOf(DEMO.keySet()));
    }

    @Provide
    Arbitrary<List<SuiteInputs.Mutation>> mutations() {
        return SuiteInputs.mutations();
    }

    @Provide
    Arbitrary<List<String>> suiteLines() {
        return SuiteInputs.suiteLines();
    }

    @Provide
    Arbitrary<List<String>> benchmarkLines() {
        return SuiteInputs.benchmarkLines();
    }

    @Provide
    Arbitrary<String> hugeNumber() {
        return SuiteInputs.hugeNumber();
    }

    @Provide
    Arbitrary<String> numericKey() {
        return SuiteInputs.numericKey();
    }

    // ---- files ----

    private static Map<String, String> demoFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String index = resource("index.txt");
        for (String f : index.split("\\s+")) if (!f.isBlank()) files.put(f, resource(f));
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = SuiteReader.class.getResourceAsStream("/suites/tviews/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Path write(Map<String, byte[]> files) {
        try {
            Path dir = Files.createTempDirectory("perfgate-fuzz-");
            for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
