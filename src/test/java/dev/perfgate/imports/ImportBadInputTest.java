package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad input of every kind gives one line naming the input, the place and what to do: never a stack trace. */
class ImportBadInputTest {

    private static final String PGBENCH_LINE = "0 1 1200 0 1795703254 100000\n";

    static Stream<Arguments> badInputs() {
        String truncatedJmh = ImportSamples.text("jmh-gc.json").substring(0, 1000);
        return Stream.of(
                arguments("jmh", "", "bad: empty, no JSON in it; expected JMH's JSON results"),
                arguments("jmh", "[", "bad:1:2: JSON ends too early"),
                arguments("jmh", truncatedJmh, "JSON ends too early: Unexpected end-of-input"),
                arguments("jmh", truncatedJmh, "the file looks truncated"),
                arguments("jmh", "[1] [2]", "unexpected content after the end of the JSON document"),
                arguments("jmh", "{}", "bad:1: expected an array [...] of benchmark results, found an object"),
                arguments("jmh", "[]", "bad:1: no benchmark results in it; JMH writes [] when no benchmark ran"),
                arguments("jmh", "[{\"benchmark\": \"a.B.m\", \"mode\": \"avgt\"}]",
                        "bad:1: [0]: missing \"primaryMetric\""),
                arguments("jmh", jmh("avgt", "ns/op", "\"rawData\": [[1.0, -2.0]]"),
                        "[0].primaryMetric.rawData[0][1]: value is negative (-2.0)"),
                arguments("jmh", jmh("avgt", "ns/op", "\"rawData\": [[1.0, NaN]]"),
                        "[0].primaryMetric.rawData[0][1]: value is NaN (not a number)"),
                arguments("jmh", jmh("avgt", "ns/op", "\"rawData\": \"x\""),
                        "[0].primaryMetric.rawData: expected an array of forks, found the string \"x\""),
                arguments("jmh", jmh("avgt", "ns/op", "\"rawDataHistogram\": [[[[1.0, -1]]]]"),
                        "[0].primaryMetric.rawDataHistogram[0][0][0][1]: expected a whole number count"),
                arguments("jmh", jmh("fast", "s", "\"rawData\": [[1.0]]"),
                        "[0].mode: unknown JMH mode \"fast\" with unit \"s\""),
                arguments("jmh", jmh("avgt", "ns/op", "\"rawData\": [[1.0]]").replace("]}}]", "]}},"
                        + jmh("avgt", "ns/op", "\"rawData\": [[2.0]]").substring(1)),
                        "bad:1: [1]: a second result for \"a.B.m\" (same method, params and mode)"),
                arguments("hyperfine", "[1, 2]", "bad:1: expected an object {\"results\": [...]}, found an array"),
                arguments("hyperfine", "{\"results\": []}", "bad:1: results: no results"),
                arguments("hyperfine", hyperfine("[0.1, -0.1]"), "results[0].times[1]: time is negative (-0.1)"),
                arguments("hyperfine", hyperfine("[0.1, NaN]"), "results[0].times[1]: time is NaN"),
                arguments("hyperfine", hyperfine("[1e300]"), "results[0].times[0]: time is out of range (1.0E300 s)"),
                arguments("hyperfine", hyperfine("\"0.1\""), "results[0].times: expected an array of seconds"),
                arguments("hyperfine", "{\"results\": [{\"command\": \"x\", \"mean\": 0.1}]}",
                        "results[0]: no \"times\" for \"x\", only its summary"),
                arguments("hyperfine", "{\"results\": [{\"command\": \"x\", \"times\": [0.1]}, "
                        + "{\"command\": \"x\", \"times\": [0.2]}]}", "results[1]: command \"x\" appears twice"),
                arguments("hyperfine", hyperfine("[0.1, 0.2], \"exit_codes\": [0]"),
                        "results[0].exit_codes: expected an array of 2 exit codes, one per time"),
                arguments("pgbench", "", "bad: empty; expected pgbench's per-transaction log (-l)"),
                arguments("pgbench", "0 1 -5 0 1795703254 1\n" + PGBENCH_LINE,
                        "bad:1: time (latency in µs) \"-5\" is not a non-negative number"),
                arguments("pgbench", PGBENCH_LINE + "0 2 nan 0 1795703254 2\n" + PGBENCH_LINE,
                        "bad:2: time (latency in µs) \"nan\" is not a non-negative number"),
                arguments("pgbench", PGBENCH_LINE + "0 2 5 0 1795703254 1000000\n",
                        "bad:2: time_us \"1000000\" is not a whole number from 0 to 999999"),
                arguments("pgbench", PGBENCH_LINE + "0 2 5 500 1795703254 1\n",
                        "bad:2: script_no \"500\" is not a whole number from 0 to 127"),
                arguments("pgbench", PGBENCH_LINE + "0 2 5 0 1795703254 1 2 3 4\n",
                        "bad:2: 9 columns, expected 6 to 8"),
                arguments("pgbench", "1795703255 113 169995 684376375 378 15269\n",
                        "bad: fewer than two intervals; run pgbench for several intervals"),
                arguments("pgbench", "1795703255 1 1 1 1 1\n1795703256 1 1 1 1 1\n1795703258 1 1 1 1 1\n",
                        "bad:3: interval_start 1795703258 after 1795703256: intervals are not evenly spaced"),
                arguments("pgbench", "1795703255 1 1 1 1 1\n1795703256 1 1 1 1\n1795703257 1 1 1 1 1\n",
                        "bad:2: 5 columns, expected at least 6"),
                arguments("pgbench", "1795703255 0 0 0 0 0\n1795703256 0 0 0 0 0\n",
                        "bad: no transactions after the first interval"),
                arguments("pgbench", "pgbench (15.18)\ntransaction type: <builtin: TPC-B (sort of)>\n",
                        "bad: pgbench's output has no latency stddev"),
                arguments("pgbench", "1 2 3\n", "bad:1: not a pgbench log or pgbench output: \"1 2 3\""));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInputs")
    void oneClearLine(String format, String input, String expected) {
        PerfgateException e = catchThrowableOfType(PerfgateException.class,
                () -> Importers.byName(format).parse(input, "bad"));
        assertThat(e).as("no failure for %s", input).isNotNull();
        assertThat(e.getMessage()).startsWith("bad").contains(expected).doesNotContain("\n");
        assertThat(e.exitCode()).isEqualTo(PerfgateException.CANNOT_RUN);
    }

    private static String jmh(String mode, String unit, String data) {
        return "[{\"benchmark\": \"a.B.m\", \"mode\": \"" + mode + "\", \"primaryMetric\": {\"scoreUnit\": \"" + unit
                + "\", " + data + "}}]";
    }

    private static String hyperfine(String times) {
        return "{\"results\": [{\"command\": \"x\", \"times\": " + times + "}]}";
    }
}
