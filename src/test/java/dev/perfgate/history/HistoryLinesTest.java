package dev.perfgate.history;

import dev.perfgate.results.Fixtures;
import dev.perfgate.results.ResultsJson;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The history line format: a results document plus the check's verdicts, read fast and validated. */
class HistoryLinesTest {

    /** Seals the line format: other tools read these lines. */
    @Test
    void lineIsOneResultsDocumentWithTheCheckInAnExtraKey() {
        HistoryEntry entry = new HistoryEntry(Fixtures.minimalRun(), "pass", Map.of("only", "ok"));
        assertThat(HistoryLines.encode(entry)).isEqualTo("{\"format\":\"perfgate-results/1\",\"git\":{},"
                + "\"environment\":{\"cores\":0,\"memory_bytes\":0},\"benchmarks\":[{\"name\":\"only\",\"unit\":\"ms\","
                + "\"direction\":\"lower\",\"samples\":[3.0],\"summary\":{\"n\":1,\"median\":3.0,\"mean\":3.0,"
                + "\"min\":3.0,\"max\":3.0}}],\"check\":{\"verdict\":\"pass\",\"benchmarks\":{\"only\":\"ok\"}}}");
        assertThat(HistoryLines.encode(HistoryEntry.unchecked(Fixtures.minimalRun())))
                .endsWith(",\"check\":{\"benchmarks\":{}}}");
    }

    @Test
    void plainResultsReadersReadALineAndIgnoreTheCheck() {
        RunResult run = Fixtures.fullRun();
        String line = HistoryLines.encode(new HistoryEntry(run, "warn", Map.of("single_row_update", "warning")));
        assertThat(line).doesNotContain("\n");
        assertThat(ResultsJson.parse(line, "line")).isEqualTo(run);
    }

    @Test
    void roundTripsEveryShape() {
        roundTrip(new HistoryEntry(Fixtures.fullRun(), "fail", Map.of("single_row_update", "regression",
                "jsonb_ivm_speedup", "improvement", "legacy_bulk", "inconclusive", "dropped", "missing")));
        roundTrip(HistoryEntry.unchecked(Fixtures.minimalRun()));
        roundTrip(HistoryTestRuns.hostile());
    }

    /** The lean reader is only worth having if it reads exactly what the validated reader reads. */
    @Test
    void fastReaderAgreesWithTheValidatedReader() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            RunResult run = HistoryTestRuns.run(i % 2 == 0 ? "tviews" : null, Long.toHexString(random.nextLong()),
                    1 + random.nextInt(20), 1 + random.nextInt(40), random.nextInt(1_000_000));
            HistoryEntry entry = i % 3 == 0 ? HistoryEntry.unchecked(run) : HistoryTestRuns.checked(run);
            byte[] line = bytes(HistoryLines.encode(entry));
            HistoryEntry fast = HistoryFastDecoder.decode(line, line.length);
            assertThat(fast).as("canonical lines take the fast path").isNotNull();
            assertThat(fast).isEqualTo(HistoryLines.decodeValidated(line)).isEqualTo(entry);
        }
    }

    @Test
    void fastReaderAcceptsOtherKeyOrdersAndIntegerSamples() {
        String line = "{\"check\":{\"verdict\":\"pass\"},\"benchmarks\":[{\"samples\":[1,2.5e0,0],\"extra\":{\"a\":[1]},"
                + "\"name\":\"b\",\"unit\":null}],\"future_key\":[{}],\"format\":\"perfgate-results/1\"}";
        HistoryEntry fast = HistoryFastDecoder.decode(bytes(line), bytes(line).length);
        assertThat(fast).isNotNull().isEqualTo(HistoryLines.decodeValidated(bytes(line)));
        assertThat(fast.run().benchmarks().get(0).samples()).containsExactly(1.0, 2.5, 0.0);
        assertThat(fast.verdict()).isEqualTo("pass");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all                                                       | column 1: not valid JSON",
        "[1, 2]                                                                | expected a JSON object",
        "{}                                                                    | missing \"format\"",
        "{\"format\":\"perfgate-results/2\",\"benchmarks\":[]}                 | unsupported version",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[]}                 | no benchmarks",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[1,-2]}]} "
                + "| benchmarks[0].samples[1]: sample is negative",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[NaN]}]} | sample is NaN",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[1]},"
                + "{\"name\":\"a\",\"samples\":[2]}]}                          | duplicate benchmark name",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[1]}],"
                + "\"check\":{\"verdict\":\"maybe\"}}                          | check.verdict: unknown verdict \"maybe\"",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[1]}],"
                + "\"check\":{\"benchmarks\":{\"a\":7}}}                       | check.benchmarks.a: expected a string",
        "{\"format\":\"perfgate-results/1\",\"benchmarks\":[{\"name\":\"a\",\"samples\":[1]}]} {}      "
                + "| unexpected content after the end",
        "{\"version\":\"1.0\",\"benchmarks\":{\"x\":{\"mean_ms\":1,\"stddev_ms\":0,\"n\":3}}} | missing \"format\"",
    })
    void badLinesAreOneClearLineNamingThePlace(String line, String expected) {
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> HistoryLines.decode(bytes(line), bytes(line).length, "h.jsonl:57", "fix or delete that line"));
        assertThat(e.getMessage()).startsWith("h.jsonl:57: not a valid history line (").contains(expected)
                .endsWith("; fix or delete that line: the other runs are intact").doesNotContain("\n", "h.jsonl:57:1");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    private static void roundTrip(HistoryEntry entry) {
        byte[] line = bytes(HistoryLines.encode(entry));
        assertThat(HistoryLines.decode(line, line.length, "x", "y")).isEqualTo(entry);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
