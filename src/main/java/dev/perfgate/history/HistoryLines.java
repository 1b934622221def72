package dev.perfgate.history;

import dev.perfgate.json.Fields;
import dev.perfgate.json.Json;
import dev.perfgate.json.JsonSource;
import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;
import dev.perfgate.results.ResultsDecoder;
import dev.perfgate.results.ResultsEncoder;
import dev.perfgate.results.ResultsJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history's line format: one {@code perfgate-results/1} document on one line, with what {@code check}
 * concluded in an extra top-level key that plain results readers ignore:
 * {@code "check": {"verdict": "pass", "benchmarks": {"single_row_update": "ok"}}}. Without a baseline the
 * verdict is left out and {@code benchmarks} is empty; an A/B check adds its paired estimates and a drift check its
 * anchor ({@link CheckExtras}, both optional). The same text is what the PostgreSQL store keeps.
 */
final class HistoryLines {

    static final String CHECK = "check";

    /** A line is one results document, so it has the same size limit as a results file. */
    static final int MAX_LINE_BYTES = (int) ResultsJson.MAX_BYTES;

    private static final Where CHECK_AT = Where.ROOT.field(CHECK);

    private HistoryLines() {
    }

    /** The entry as one line, without the line break; refuses (like results files) a run that could not be read. */
    static String encode(HistoryEntry entry) {
        ObjectNode root = new ResultsEncoder(false).encode(entry.run()); // profiles stay in results files
        ObjectNode check = root.putObject(CHECK);
        if (entry.verdict() != null) check.put("verdict", entry.verdict());
        ObjectNode benchmarks = check.putObject("benchmarks");
        entry.benchmarkVerdicts().forEach(benchmarks::put);
        CheckExtras.encode(check, entry.changes(), entry.anchor());
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render an in-memory JSON tree", e); // a bug, not bad input
        }
    }

    /**
     * Reads the first {@code length} bytes of {@code line}. Canonical lines take the lean streaming path; anything
     * else (or anything wrong) goes through the validated tree reader, which decides and explains.
     *
     * @param place  where the line is, for messages, e.g. {@code history.jsonl:57}
     * @param advice what to do about a bad line, e.g. {@code fix or delete that line}
     */
    static HistoryEntry decode(byte[] line, int length, String place, String advice) {
        HistoryEntry entry = HistoryFastDecoder.decode(line, length);
        if (entry != null) return entry;
        try {
            return decodeValidated(Arrays.copyOf(line, length));
        } catch (PerfgateException e) {
            throw new PerfgateException(place + ": not a valid history line (" + detail(e.getMessage()) + "); "
                    + advice + ": the other runs are intact", e);
        }
    }

    /** True when {@code line} is a complete, valid history line. */
    static boolean isValid(byte[] line) {
        try {
            decode(line, line.length, "", "");
            return true;
        } catch (PerfgateException e) {
            return false;
        }
    }

    /** The validated reader alone (tests compare the fast path with it). */
    static HistoryEntry decodeValidated(byte[] line) {
        JsonSource source = JsonSource.of("", line, JsonSource.RESULTS_FILE);
        JsonNode root = source.readTree();
        Fields fields = new Fields(source);
        if (!root.isObject()) {
            throw fields.wrongType(Where.ROOT, root, "a JSON object {...}", "a history line is one results object");
        }
        if (Fields.get(root, "format") == null) {
            throw fields.fail(Where.ROOT, "missing \"format\"",
                    "each line starts with \"format\": \"" + RunResult.FORMAT + "\"");
        }
        return withCheck(fields, root, new ResultsDecoder(fields).decode(root));
    }

    /** The entry for {@code run} with the verdicts under {@code root.check}, checked as they are read. */
    static HistoryEntry withCheck(Fields fields, JsonNode root, RunResult run) {
        JsonNode check = fields.object(root, Where.ROOT, CHECK);
        if (check == null) return HistoryEntry.unchecked(run);
        String verdict = fields.text(check, CHECK_AT, "verdict");
        if (verdict != null && !HistoryEntry.VERDICTS.contains(verdict)) {
            throw fields.fail(CHECK_AT.field("verdict"), "unknown verdict " + Messages.quote(verdict),
                    "expected \"pass\", \"warn\" or \"fail\"");
        }
        Where benchmarksAt = CHECK_AT.field("benchmarks");
        JsonNode benchmarks = fields.object(check, CHECK_AT, "benchmarks");
        Map<String, String> verdicts = new LinkedHashMap<>();
        if (benchmarks != null) {
            benchmarks.properties().forEach(e -> {
                String name = fields.text(benchmarks, benchmarksAt, e.getKey());
                if (name != null && !HistoryEntry.BENCHMARK_VERDICTS.contains(name)) {
                    throw fields.fail(benchmarksAt.field(e.getKey()), "unknown verdict " + Messages.quote(name),
                            "expected one of regression, warning, ok, improvement, inconclusive, new, missing");
                }
                if (name != null) verdicts.put(e.getKey(), name);
            });
        }
        return new HistoryEntry(run, verdict, verdicts, CheckExtras.changes(fields, check, CHECK_AT),
                CheckExtras.anchor(fields, check, CHECK_AT));
    }

    /**
     * The reader's message without its place: the source is one line, so its {@code :1} (line 1) says nothing
     * and its column becomes words.
     */
    private static String detail(String message) {
        return message.replaceFirst("^:1:(\\d+): ", "column $1: ").replaceFirst("^:1: ", "")
                .replaceFirst("^: ", "");
    }
}
