package dev.perfgate.imports;

import dev.perfgate.json.Fields;

import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports hyperfine's JSON export ({@code --export-json}): one benchmark per entry of {@code results}, named by its
 * {@code command} (with the {@code parameters} of a parameter scan appended, {@code sleep 0.1 (t=1)}), its
 * {@code times} converted from seconds to milliseconds, lower is better.
 *
 * <p>A run with a non-zero (or missing, killed by a signal) entry in {@code exit_codes} failed and its time
 * measures the failure: such runs are dropped with a warning. A command whose every run failed measured nothing,
 * and is an error rather than a silently missing benchmark.
 */
public final class HyperfineImporter implements Importer {

    static final String EXPECTED = "hyperfine's JSON export (hyperfine --export-json results.json ...)";
    private static final Where RESULTS = Where.ROOT.field("results");
    // A year; anything longer is not a timing, and a huge value would overflow once converted to milliseconds.
    private static final double MAX_SECONDS = 365.0 * 24 * 3600;

    @Override
    public String format() {
        return "hyperfine";
    }

    @Override
    public String reads() {
        return EXPECTED;
    }

    @Override
    public ImportResult parse(String text, String sourceName) {
        JsonInput input = JsonInput.read(sourceName, text, EXPECTED, JsonNodeType.OBJECT,
                "an object {\"results\": [...]}");
        Fields in = input.in();
        JsonNode root = input.root();
        JsonNode results = Fields.get(root, "results");
        if (results == null) throw in.fail(Where.ROOT, "missing \"results\"", "expected " + EXPECTED);
        if (!results.isArray()) throw in.wrongType(RESULTS, results, "an array", "expected " + EXPECTED);
        if (results.isEmpty()) throw in.fail(RESULTS, "no results", "did hyperfine run any command?");
        List<String> warnings = new ArrayList<>();
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult b = benchmark(in, results.get(i), RESULTS.index(i), warnings);
            Integer earlier = firstIndex.putIfAbsent(b.name(), i);
            if (earlier != null) {
                throw in.fail(RESULTS.index(i), "command " + Messages.quote(b.name()) + " appears twice (also results["
                        + earlier + "])", "give each its own name with hyperfine --command-name");
            }
            benchmarks.add(b);
        }
        int runs = benchmarks.stream().mapToInt(b -> b.samples().size()).max().orElse(0);
        RunSettings settings = new RunSettings(runs, 0, false, Map.of("imported_from", "hyperfine"));
        return new ImportResult(new RunResult(format(), null, null, null, settings, benchmarks), warnings);
    }

    private static BenchmarkResult benchmark(Fields in, JsonNode result, Where at, List<String> warnings) {
        if (!result.isObject()) {
            throw in.wrongType(at, result, "an object {\"command\": ..., \"times\": [...]}", "expected " + EXPECTED);
        }
        String command = in.text(result, at, "command");
        if (command == null || command.isBlank()) throw in.fail(at, "missing \"command\"", "expected " + EXPECTED);
        String name = command + parameters(in, result, at);
        JsonNode times = Fields.get(result, "times");
        if (times == null) {
            throw in.fail(at, "no \"times\" for " + Messages.quote(name) + ", only its summary",
                    "export with a hyperfine that writes each run's time (1.15 does)");
        }
        if (!times.isArray()) {
            throw in.wrongType(at.field("times"), times, "an array of seconds", "expected " + EXPECTED);
        }
        if (times.isEmpty()) throw in.fail(at.field("times"), "no times", "did the command run? Re-run hyperfine");
        boolean[] failed = failures(in, result, at, times.size());
        double[] millis = new double[times.size()];
        int kept = 0;
        for (int r = 0; r < times.size(); r++) {
            double seconds = seconds(in, times.get(r), at.field("times").index(r));
            if (!failed[r]) millis[kept++] = seconds * 1000;
        }
        if (kept == 0) {
            throw in.fail(at.field("exit_codes"), "command " + Messages.quote(name) + " failed in all " + times.size()
                    + " runs", "its times measure the failure, not the command: fix the command and re-run");
        }
        if (kept < times.size()) {
            warnings.add(String.format(java.util.Locale.ROOT, "%s: %d of %d runs failed (non-zero exit code) and were "
                    + "left out; check the command", name, times.size() - kept, times.size()));
        }
        String thinned = Thinning.warning(name, kept);
        if (thinned != null) warnings.add(thinned);
        return new BenchmarkResult(name, "ms", Direction.LOWER, Thinning.evenly(millis, kept));
    }

    /** Which runs failed; all false when the file has no {@code exit_codes} (older hyperfine). */
    private static boolean[] failures(Fields in, JsonNode result, Where at, int runs) {
        boolean[] failed = new boolean[runs];
        JsonNode codes = Fields.get(result, "exit_codes");
        if (codes == null) return failed;
        Where codesAt = at.field("exit_codes");
        if (!codes.isArray() || codes.size() != runs) {
            throw in.wrongType(codesAt, codes, "an array of " + runs + " exit codes, one per time",
                    "expected " + EXPECTED);
        }
        for (int r = 0; r < runs; r++) {
            JsonNode code = codes.get(r);
            if (!code.isNull() && !code.isIntegralNumber()) {
                throw in.wrongType(codesAt.index(r), code, "a whole number or null", "expected " + EXPECTED);
            }
            failed[r] = code.isNull() || !code.canConvertToLong() || code.longValue() != 0; // null: killed by a signal
        }
        return failed;
    }

    private static double seconds(Fields in, JsonNode node, Where at) {
        if (!node.isNumber()) throw in.wrongType(at, node, "a number of seconds", "expected " + EXPECTED);
        double v = node.doubleValue();
        String advice = "remove the run or re-run hyperfine: a failed measurement cannot be compared";
        if (Double.isNaN(v)) throw in.fail(at, "time is NaN (not a number)", advice);
        if (Double.isInfinite(v) || v > MAX_SECONDS) {
            throw in.fail(at, "time is out of range (" + node.asText() + " s)", advice);
        }
        if (v < 0) {
            throw in.fail(at, "time is negative (" + node.asText() + ")", "times cannot be below zero; " + advice);
        }
        return v;
    }

    /** {@code " (t=1, n=2)"} in the file's order, or {@code ""} when the command is not from a parameter scan. */
    private static String parameters(Fields in, JsonNode result, Where at) {
        JsonNode parameters = Fields.get(result, "parameters");
        if (parameters == null || parameters.isEmpty()) return "";
        if (!parameters.isObject()) {
            throw in.wrongType(at.field("parameters"), parameters, "an object", "expected " + EXPECTED);
        }
        List<String> pairs = new ArrayList<>();
        parameters.properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return " (" + String.join(", ", pairs) + ")";
    }
}
