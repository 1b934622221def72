package dev.perfgate.results;

import dev.perfgate.json.Json;
import dev.perfgate.json.Fields;
import dev.perfgate.json.JsonSource;
import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed {@code perfgate-results/1} document into a {@link RunResult}, checking it as it goes. Only
 * {@code format}, {@code benchmarks[].name} and {@code benchmarks[].samples} are required; unknown keys are
 * ignored so that newer writers stay readable.
 */
public final class ResultsDecoder {

    private static final String FORMAT_FAMILY = "perfgate-results/";
    private static final Set<String> SETTINGS_KEYS = Set.of("iterations", "warmup", "quick");
    private static final Where BENCHMARKS = Where.ROOT.field("benchmarks");

    private final Fields fields;
    private final ObjectMapper mapper = Json.MAPPER;

    public ResultsDecoder(Fields fields) {
        this.fields = fields;
    }

    public RunResult decode(JsonNode root) {
        checkFormat(root);
        return new RunResult(fields.text(root, Where.ROOT, "suite"), fields.instant(root, Where.ROOT, "created"),
                git(root), environment(root), settings(root), benchmarks(root), ab(root));
    }

    private AbInfo ab(JsonNode root) {
        JsonNode ab = fields.object(root, Where.ROOT, "ab");
        if (ab == null) return null;
        Where at = Where.ROOT.field("ab");
        String session = fields.text(ab, at, "session");
        if (session == null) throw fields.fail(at, "missing \"session\"", "an A/B run names its session");
        String role = fields.text(ab, at, "role");
        if (!AbInfo.BASE.equals(role) && !AbInfo.CANDIDATE.equals(role)) {
            throw fields.fail(at.field("role"), "role " + (role == null ? "missing" : Messages.quote(role)),
                    "write \"base\" or \"candidate\"");
        }
        Map<String, Integer> looks = new LinkedHashMap<>();
        JsonNode looksNode = fields.object(ab, at, "looks");
        if (looksNode != null) {
            for (var e : looksNode.properties()) looks.put(e.getKey(), fields.count(looksNode, at.field("looks"), e.getKey(), 1));
        }
        Boolean confirm = fields.bool(ab, at, "confirm");
        Map<String, String> stops = new LinkedHashMap<>();
        JsonNode stopsNode = fields.object(ab, at, "stops");
        if (stopsNode != null) {
            for (var e : stopsNode.properties()) stops.put(e.getKey(), fields.text(stopsNode, at.field("stops"), e.getKey()));
        }
        Map<String, Double> detect = new LinkedHashMap<>();
        JsonNode detectNode = fields.object(ab, at, "detect");
        if (detectNode != null) {
            for (var e : detectNode.properties()) detect.put(e.getKey(), fields.fraction(detectNode, at.field("detect"), e.getKey()));
        }
        return new AbInfo(session, role, version(ab, at, "base"), version(ab, at, "candidate"), looks,
                confirm != null && confirm, detect, stops);
    }

    private AbInfo.Version version(JsonNode ab, Where abAt, String key) {
        JsonNode v = fields.object(ab, abAt, key);
        if (v == null) return null;
        Where at = abAt.field(key);
        return new AbInfo.Version(fields.text(v, at, "kind"), fields.text(v, at, "ref"), fields.text(v, at, "commit"),
                fields.text(v, at, "location"), fields.bool(v, at, "dirty"), fields.text(v, at, "server"));
    }

    private void checkFormat(JsonNode root) {
        String format = fields.text(root, Where.ROOT, "format");
        Where at = Where.ROOT.field("format");
        if (format == null) {
            throw fields.fail(Where.ROOT, "missing \"format\"", "a results file starts with \"format\": \""
                    + RunResult.FORMAT + "\"; is this a perfgate results file?");
        }
        String readable = String.join(", ", ResultsJson.READABLE_FORMATS);
        if (!format.startsWith(FORMAT_FAMILY)) {
            throw fields.fail(at, "unknown format " + Messages.quote(format) + ", this is not a perfgate results file",
                    "this perfgate reads " + readable + " and legacy baseline.json files");
        }
        if (!ResultsJson.READABLE_FORMATS.contains(format)) {
            throw fields.fail(at, "unsupported version " + Messages.quote(format),
                    "this perfgate reads only " + readable + ": upgrade perfgate to read this file");
        }
    }

    private GitInfo git(JsonNode root) {
        JsonNode git = fields.object(root, Where.ROOT, "git");
        if (git == null) return null;
        Where at = Where.ROOT.field("git");
        return new GitInfo(fields.text(git, at, "commit"), fields.text(git, at, "branch"),
                fields.bool(git, at, "dirty"));
    }

    private Environment environment(JsonNode root) {
        JsonNode env = fields.object(root, Where.ROOT, "environment");
        if (env == null) return null;
        Where at = Where.ROOT.field("environment");
        return new Environment(fields.text(env, at, "fingerprint"), fields.text(env, at, "cpu"),
                fields.count(env, at, "cores", 0), fields.wholeNumber(env, at, "memory_bytes", 0, Long.MAX_VALUE),
                fields.text(env, at, "os"), fields.text(env, at, "java"), postgres(env, at));
    }

    private PostgresInfo postgres(JsonNode env, Where envAt) {
        JsonNode pg = fields.object(env, envAt, "postgresql");
        if (pg == null) return null;
        Where at = envAt.field("postgresql");
        JsonNode settings = fields.object(pg, at, "settings");
        Map<String, String> values = new LinkedHashMap<>();
        if (settings != null) {
            settings.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isContainerNode()) {
                    throw fields.wrongType(at.field("settings").field(e.getKey()), value, "a string",
                            "PostgreSQL settings are single values such as \"128MB\"");
                }
                if (!value.isNull()) values.put(e.getKey(), value.asText());
            });
        }
        return new PostgresInfo(fields.text(pg, at, "version"), values, fields.text(pg, at, "origin"));
    }

    private RunSettings settings(JsonNode root) {
        JsonNode settings = fields.object(root, Where.ROOT, "settings");
        if (settings == null) return null;
        Where at = Where.ROOT.field("settings");
        Map<String, Object> extra = new LinkedHashMap<>();
        settings.properties().forEach(e -> {
            if (!SETTINGS_KEYS.contains(e.getKey()) && !e.getValue().isNull()) {
                extra.put(e.getKey(), plain(e.getValue()));
            }
        });
        Boolean quick = fields.bool(settings, at, "quick");
        return new RunSettings(fields.count(settings, at, "iterations", 0), fields.count(settings, at, "warmup", 0),
                quick != null && quick, extra);
    }

    /** A JSON value as plain Java: String, Boolean, Integer/Long/Double, or Map/List for containers. */
    private Object plain(JsonNode value) {
        if (value.isTextual()) return value.textValue();
        if (value.isBoolean()) return value.booleanValue();
        if (value.isNumber()) return value.numberValue();
        return mapper.convertValue(value, Object.class);
    }

    private List<BenchmarkResult> benchmarks(JsonNode root) {
        JsonNode list = Fields.get(root, "benchmarks");
        if (list == null) {
            throw fields.fail(Where.ROOT, "missing \"benchmarks\"",
                    "a results file lists its benchmarks as \"benchmarks\": [{\"name\": ..., \"samples\": [...]}]");
        }
        if (!list.isArray()) {
            throw fields.wrongType(BENCHMARKS, list, "an array [...]",
                    "list the benchmarks as [{\"name\": ..., \"samples\": [...]}]");
        }
        if (list.isEmpty()) {
            throw fields.fail(BENCHMARKS, "no benchmarks", "a results file needs at least one benchmark; "
                    + "did the run measure anything?");
        }
        List<BenchmarkResult> result = new ArrayList<>(list.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            BenchmarkResult b = benchmark(list.get(i), BENCHMARKS.index(i));
            Integer earlier = firstIndex.putIfAbsent(b.name(), i);
            if (earlier != null) {
                throw fields.fail(BENCHMARKS.index(i).field("name"), "duplicate benchmark name "
                        + Messages.quote(b.name()) + " (also benchmarks[" + earlier + "])", "rename or remove one");
            }
            result.add(b);
        }
        return result;
    }

    private BenchmarkResult benchmark(JsonNode node, Where at) {
        if (!node.isObject()) {
            throw fields.wrongType(at, node, "an object {\"name\": ..., \"samples\": [...]}", "fix the entry");
        }
        String name = fields.text(node, at, "name");
        if (name == null || name.isBlank()) {
            throw fields.fail(at, "benchmark without a \"name\"", "give every benchmark a unique name");
        }
        String unit = fields.text(node, at, "unit");
        if (unit != null && unit.isBlank()) {
            throw fields.fail(at.field("unit"), "empty unit", "write a unit such as \"ms\", or leave it out for ms");
        }
        String directionText = fields.text(node, at, "direction");
        Direction direction = Direction.parse(directionText);
        if (directionText != null && direction == null) {
            throw fields.fail(at.field("direction"), "unknown direction " + Messages.quote(directionText),
                    "write \"lower\" (lower is better, e.g. latency) or \"higher\" (e.g. a speedup)");
        }
        ReportedSummary reported = reported(node, at);
        List<Double> samples = samples(node, at, reported != null);
        String kind = fields.text(node, at, "kind");
        if (kind != null && !kind.equals("count") && !kind.equals("measure")) {
            throw fields.fail(at.field("kind"), "unknown kind " + Messages.quote(kind),
                    "write \"count\" for exact counts (judged by a tolerance) or leave it out for measurements");
        }
        return new BenchmarkResult(name, unit, direction, samples, reported, counters(node, at), "count".equals(kind));
    }

    /** The optional counters of a benchmark: arrays of whole numbers per counter, the plan's shape. */
    private Counters counters(JsonNode benchmark, Where benchmarkAt) {
        JsonNode node = fields.object(benchmark, benchmarkAt, "counters");
        if (node == null) return null;
        return counters(fields, node, benchmarkAt.field("counters"));
    }

    /** A {@code counters} object read on its own (the history's fast reader); bad input throws. */
    public static Counters counters(JsonNode node) {
        return counters(new Fields(JsonSource.of("", new byte[0], JsonSource.RESULTS_FILE)), node, Where.ROOT);
    }

    private static Counters counters(Fields fields, JsonNode node, Where at) {
        Map<String, long[]> values = new LinkedHashMap<>();
        JsonNode v = fields.object(node, at, "values");
        if (v != null) {
            for (var e : v.properties()) {
                Where vAt = at.field("values").field(e.getKey());
                if (!e.getValue().isArray()) {
                    throw fields.wrongType(vAt, e.getValue(), "an array of whole numbers", "one count per iteration");
                }
                long[] counts = new long[e.getValue().size()];
                for (int i = 0; i < counts.length; i++) {
                    JsonNode c = e.getValue().get(i);
                    if (!c.canConvertToLong() || !c.isIntegralNumber() || c.longValue() < 0) {
                        throw fields.wrongType(vAt.index(i), c, "a whole number >= 0", "counters count things");
                    }
                    counts[i] = c.longValue();
                }
                values.put(e.getKey(), counts);
            }
        }
        Counters.Plan plan = null;
        JsonNode p = fields.object(node, at, "plan");
        if (p != null) {
            Boolean nested = fields.bool(p, at.field("plan"), "nested");
            plan = new Counters.Plan(fields.text(p, at.field("plan"), "fingerprint"),
                    fields.text(p, at.field("plan"), "summary"), nested != null && nested);
        }
        List<String> unavailable = new ArrayList<>();
        JsonNode u = Fields.get(node, "unavailable");
        if (u != null && u.isArray()) u.forEach(x -> unavailable.add(x.asText()));
        Boolean checkpoint = fields.bool(node, at, "checkpoint");
        return new Counters(values, plan, checkpoint != null && checkpoint, unavailable,
                ProfileJson.read(Fields.get(node, "profile")), ProfileJson.readAnswers(Fields.get(node, "answers")));
    }

    /** The legacy summary a converted baseline carries instead of samples (see {@link ResultsEncoder}). */
    private ReportedSummary reported(JsonNode benchmark, Where at) {
        JsonNode reported = fields.object(benchmark, at, "reported");
        if (reported == null) return null;
        return Measurements.reported(fields, reported, at.field("reported"), "mean", "stddev", "p95");
    }

    private List<Double> samples(JsonNode benchmark, Where at, boolean summaryOnlyAllowed) {
        JsonNode samples = Fields.get(benchmark, "samples");
        Where samplesAt = at.field("samples");
        if (samples == null) {
            throw fields.fail(at, "benchmark " + Messages.quote(benchmark.get("name").asText())
                    + " has no \"samples\"", "add its measurements as \"samples\": [1.21, 1.19, ...]");
        }
        if (!samples.isArray()) {
            throw fields.wrongType(samplesAt, samples, "an array of numbers", "write \"samples\": [1.21, 1.19, ...]");
        }
        if (samples.isEmpty() && !summaryOnlyAllowed) {
            throw fields.fail(samplesAt, "no samples", "a benchmark needs at least one measurement; re-run it");
        }
        List<Double> values = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            int index = i;
            values.add(Measurements.value(fields, samples.get(i), "sample", () -> samplesAt.index(index)));
        }
        return values;
    }
}
