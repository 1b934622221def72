package dev.perfgate.results;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad input gives one line that names the file, the place and the problem: never a stack trace. */
public class ResultsJsonBadInputTest {

    private static final String GOOD = "{\"name\": \"a\", \"samples\": [1.5, 2]}";

    /** A results document around the given benchmarks array content. */
    private static String doc(String benchmarks) {
        return "{\"format\": \"perfgate-results/1\", \"benchmarks\": [" + benchmarks + "]}";
    }

    /** A results document with one top-level entry besides format and a good benchmark. */
    private static String with(String key, String value) {
        return "{\"format\": \"perfgate-results/1\", \"" + key + "\": " + value + ", \"benchmarks\": [" + GOOD + "]}";
    }

    private static String legacy(String entry) {
        return "{\"version\": \"0.1\", \"benchmarks\": {\"x\": {\"mean_ms\": 1, \"stddev_ms\": 0.1, \"n\": 9}, "
                + "\"bad\": " + entry + "}}";
    }

    /** Not JSON at all, or broken JSON. */
    static Stream<Arguments> syntax() {
        return Stream.of(
                arguments("not JSON", "hello", List.of("bad.json:1:", "not valid JSON")),
                arguments("truncated", doc(GOOD).substring(0, 50),
                        List.of("bad.json:1:", "ends too early", "truncated")),
                arguments("empty", "", List.of("empty")),
                arguments("only whitespace", "  \n ", List.of("empty")),
                arguments("top level array", "[1, 2]", List.of("top level", "found an array")),
                arguments("trailing document", doc(GOOD) + " {}", List.of("after the end")),
                arguments("duplicate key", "{\"format\": \"a\", \"format\": \"b\"}",
                        List.of("Duplicate field", "remove one")));
    }

    /** JSON, but not the shape of a results file. */
    static Stream<Arguments> structure() {
        return Stream.of(
                arguments("missing format", "{\"benchmarks\": [" + GOOD + "]}", List.of("missing \"format\"")),
                arguments("format not a string", "{\"format\": 1}", List.of("format: expected a string")),
                arguments("other format", "{\"format\": \"perfgate-comparison/1\"}",
                        List.of("format:", "not a perfgate results file", "reads perfgate-results/1")),
                arguments("newer version", "{\"format\": \"perfgate-results/2\"}",
                        List.of("format:", "unsupported version \"perfgate-results/2\"",
                                "reads only perfgate-results/1")),
                arguments("missing benchmarks", "{\"format\": \"perfgate-results/1\"}",
                        List.of("missing \"benchmarks\"")),
                arguments("benchmarks not array", "{\"format\": \"perfgate-results/1\", \"benchmarks\": 3}",
                        List.of("benchmarks: expected an array", "the number 3")),
                arguments("empty benchmarks", doc(""), List.of("benchmarks:", "no benchmarks")));
    }

    /** Benchmark entries and their names. */
    static Stream<Arguments> benchmarks() {
        return Stream.of(
                arguments("benchmark not object", doc("1"), List.of("benchmarks[0]: expected an object")),
                arguments("benchmark without name", doc(GOOD + ", {\"samples\": [1]}"),
                        List.of("benchmarks[1]:", "without a \"name\"")),
                arguments("blank name", doc("{\"name\": \" \", \"samples\": [1]}"), List.of("benchmarks[0]:", "name")),
                arguments("name not a string", doc("{\"name\": 7, \"samples\": [1]}"),
                        List.of("benchmarks[0].name: expected a string")),
                arguments("duplicate names", doc(GOOD + ", " + GOOD),
                        List.of("benchmarks[1].name:", "duplicate benchmark name \"a\"", "benchmarks[0]")));
    }

    /** Samples: present, numbers, finite, never negative. */
    static Stream<Arguments> samples() {
        return Stream.of(
                arguments("missing samples", doc("{\"name\": \"a\"}"), List.of("benchmarks[0]:", "no \"samples\"")),
                arguments("empty samples", doc("{\"name\": \"a\", \"samples\": []}"),
                        List.of("benchmarks[0].samples:", "no samples")),
                arguments("samples a string", doc("{\"name\": \"a\", \"samples\": \"abc\"}"),
                        List.of("benchmarks[0].samples:", "expected an array of numbers", "\"abc\"")),
                arguments("sample a string", doc("{\"name\": \"a\", \"samples\": [1, \"2\"]}"),
                        List.of("benchmarks[0].samples[1]:", "expected a number", "the string \"2\"")),
                arguments("sample null", doc("{\"name\": \"a\", \"samples\": [1, null]}"),
                        List.of("benchmarks[0].samples[1]:", "expected a number, found null")),
                arguments("sample an array", doc("{\"name\": \"a\", \"samples\": [[1]]}"),
                        List.of("benchmarks[0].samples[0]:", "expected a number")),
                arguments("NaN sample", doc(GOOD + ", {\"name\": \"b\", \"samples\": [1, 2, NaN]}"),
                        List.of("benchmarks[1].samples[2]:", "NaN")),
                arguments("Infinity sample", doc("{\"name\": \"a\", \"samples\": [Infinity]}"),
                        List.of("benchmarks[0].samples[0]:", "infinite")),
                arguments("-Infinity sample", doc("{\"name\": \"a\", \"samples\": [-Infinity]}"),
                        List.of("samples[0]:", "infinite")),
                arguments("overflowing sample", doc("{\"name\": \"a\", \"samples\": [1e999]}"),
                        List.of("samples[0]:", "infinite")),
                arguments("negative sample", doc("{\"name\": \"a\", \"samples\": [1, -0.5]}"),
                        List.of("benchmarks[0].samples[1]:", "negative (-0.5)")),
                arguments("unknown direction", doc("{\"name\": \"a\", \"direction\": \"faster\", \"samples\": [1]}"),
                        List.of("benchmarks[0].direction:", "unknown direction \"faster\"", "\"lower\"", "\"higher\"")),
                arguments("direction not a string", doc("{\"name\": \"a\", \"direction\": -1, \"samples\": [1]}"),
                        List.of("benchmarks[0].direction: expected a string")));
    }

    /** Optional fields of the wrong type. */
    static Stream<Arguments> types() {
        return Stream.of(
                arguments("unit not a string", doc("{\"name\": \"a\", \"unit\": 1000, \"samples\": [1]}"),
                        List.of("benchmarks[0].unit: expected a string")),
                arguments("empty unit", doc("{\"name\": \"a\", \"unit\": \"\", \"samples\": [1]}"),
                        List.of("benchmarks[0].unit:", "empty unit")),
                arguments("cores a word", with("environment", "{\"cores\": \"two\"}"),
                        List.of("environment.cores:", "whole number", "the string \"two\"")),
                arguments("cores fractional", with("environment", "{\"cores\": 2.5}"), List.of("environment.cores:")),
                arguments("cores negative", with("environment", "{\"cores\": -2}"), List.of("environment.cores:")),
                arguments("memory a word", with("environment", "{\"memory_bytes\": \"lots\"}"),
                        List.of("environment.memory_bytes:", "whole number")),
                arguments("environment an array", with("environment", "[]"),
                        List.of("environment: expected an object")),
                arguments("nested pg setting", with("environment", "{\"postgresql\": {\"settings\": {\"a\": {}}}}"),
                        List.of("environment.postgresql.settings.a:", "expected a string")),
                arguments("dirty a word", with("git", "{\"dirty\": \"yes\"}"), List.of("git.dirty:", "true or false")),
                arguments("created not a time", with("created", "\"yesterday\""), List.of("created:", "ISO-8601")),
                arguments("iterations a word", with("settings", "{\"iterations\": \"thirty\"}"),
                        List.of("settings.iterations:", "whole number")),
                arguments("quick a number", with("settings", "{\"quick\": 1}"),
                        List.of("settings.quick:", "true or false")));
    }

    /** Summaries: a converted baseline's, and the legacy baseline's. */
    static Stream<Arguments> legacy() {
        return Stream.of(
                arguments("reported without n", doc("{\"name\": \"a\", \"samples\": [], \"reported\": {\"mean\": 1, "
                        + "\"stddev\": 0}}"), List.of("benchmarks[0].reported:", "missing \"n\"")),
                arguments("legacy entry without mean", legacy("{\"p95_ms\": 1}"),
                        List.of("benchmarks.bad:", "neither \"mean_ms\" nor \"mean_speedup\"")),
                arguments("legacy without stddev", legacy("{\"mean_speedup\": 2, \"n\": 5}"),
                        List.of("benchmarks.bad:", "missing \"stddev\"")),
                arguments("legacy negative mean", legacy("{\"mean_ms\": -1, \"stddev_ms\": 0.1, \"n\": 5}"),
                        List.of("benchmarks.bad.mean_ms:", "negative")),
                arguments("legacy n zero", legacy("{\"mean_ms\": 1, \"stddev_ms\": 0.1, \"n\": 0}"),
                        List.of("benchmarks.bad.n:", "at least 1")),
                arguments("legacy n a word", legacy("{\"mean_ms\": 1, \"stddev_ms\": 0.1, \"n\": \"many\"}"),
                        List.of("benchmarks.bad.n:", "whole number")),
                arguments("legacy date", "{\"date\": \"13/12/2025\", \"benchmarks\": {\"x\": {\"mean_ms\": 1, "
                        + "\"stddev_ms\": 0.1, \"n\": 9}}}", List.of("date:", "ISO-8601")));
    }

    /** Inputs past the parser's limits fail cleanly instead of exhausting the stack or the heap. */
    static Stream<Arguments> limits() {
        return Stream.of(
                arguments("deep nesting", "[".repeat(10_000), List.of("exceeds perfgate's limits", "nesting depth")),
                arguments("huge string", with("suite", "\"" + "x".repeat(2_000_000) + "\""),
                        List.of("exceeds perfgate's limits", "String value length")),
                arguments("huge number", doc("{\"name\": \"a\", \"samples\": [" + "9".repeat(5000) + "]}"),
                        List.of("exceeds perfgate's limits", "Number value length")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"syntax", "structure", "benchmarks", "samples", "types", "legacy", "limits"})
    void badInputIsOneClearLine(String label, String json, List<String> expected) {
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.parse(json, "bad.json"));
        assertThat(e).as(label).isNotNull();
        assertOneClearLine(e.getMessage(), "bad.json");
        assertThat(e.getMessage()).contains(expected);
    }

    @Test
    void messageGivesTheLineOfTheBadValue() {
        String json = """
                {
                  "format": "perfgate-results/1",
                  "benchmarks": [
                    {"name": "a", "samples": [1, 2]},
                    {"name": "b",
                     "samples": [1,
                       2,
                       -3]}
                  ]
                }
                """;
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.parse(json, "r.json"));
        assertThat(e.getMessage()).startsWith("r.json:8: benchmarks[1].samples[2]: sample is negative (-3)");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nope.json");
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.read(file));
        assertOneClearLine(e.getMessage(), "cannot read " + file);
        assertThat(e.getMessage()).contains("no such file");
    }

    @Test
    void directoryIsNotAResultsFile(@TempDir Path dir) {
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.read(dir));
        assertThat(e.getMessage()).contains(dir.toString(), "is a directory");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ResultsJson.MAX_BYTES + 1); // sparse: costs no disk and no memory
        }
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.read(file));
        assertOneClearLine(e.getMessage(), "cannot read " + file);
        assertThat(e.getMessage()).contains("right file");
    }

    @Test
    void invalidUtf8IsBadJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', 'a', (byte) 0xFF, 'b', '"', ':', '1', '}'});
        PerfgateException e = catchThrowableOfType(PerfgateException.class, () -> ResultsJson.read(file));
        assertOneClearLine(e.getMessage(), file.toString());
        assertThat(e.getMessage()).contains("not valid JSON");
    }

    public static void assertOneClearLine(String message, String start) {
        assertThat(message).startsWith(start).doesNotContain("\n", "\r", "Exception", "com.fasterxml", "`");
        assertThat(message.length()).isLessThan(500);
    }
}
