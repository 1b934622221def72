package dev.perfgate.results;

import dev.perfgate.json.Json;
import dev.perfgate.json.Messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.ReportedSummary;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@code perfgate-results/1} tree of a {@link RunResult}, keys in a fixed order. Null values are
 * left out. It refuses what {@link ResultsDecoder} would reject, so that a written file can always be read.
 */
public final class ResultsEncoder {

    private final ObjectMapper mapper = Json.MAPPER;
    private final boolean profiles;

    public ResultsEncoder() {
        this(true);
    }

    /**
     * An encoder that writes the counters' profiles or leaves them out ({@code profiles} false: the history, where a
     * line per run must stay short and attribution of past runs is not read).
     */
    public ResultsEncoder(boolean profiles) {
        this.profiles = profiles;
    }

    public ObjectNode encode(RunResult run) {
        check(run);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", RunResult.FORMAT);
        putIfPresent(root, "suite", run.suite());
        if (run.created() != null) root.put("created", run.created().toString());
        root.set("git", git(run.git()));
        root.set("environment", environment(run.environment()));
        if (run.settings() != null) root.set("settings", settings(run.settings()));
        if (run.ab() != null) root.set("ab", ab(run.ab()));
        ArrayNode benchmarks = root.putArray("benchmarks");
        run.benchmarks().forEach(b -> benchmarks.add(benchmark(b)));
        return root;
    }

    private ObjectNode ab(AbInfo ab) {
        ObjectNode node = mapper.createObjectNode();
        node.put("session", ab.session());
        node.put("role", ab.role());
        node.set("base", version(ab.base()));
        node.set("candidate", version(ab.candidate()));
        node.put("confirm", ab.confirm());
        ObjectNode looks = node.putObject("looks");
        ab.looks().forEach(looks::put);
        if (!ab.detect().isEmpty()) {
            ObjectNode detect = node.putObject("detect");
            ab.detect().forEach(detect::put);
        }
        if (!ab.stops().isEmpty()) {
            ObjectNode stops = node.putObject("stops");
            ab.stops().forEach(stops::put);
        }
        return node;
    }

    private ObjectNode version(AbInfo.Version v) {
        ObjectNode node = mapper.createObjectNode();
        if (v == null) return node;
        putIfPresent(node, "kind", v.kind());
        putIfPresent(node, "ref", v.ref());
        putIfPresent(node, "commit", v.commit());
        putIfPresent(node, "location", v.location());
        if (v.dirty() != null) node.put("dirty", v.dirty());
        putIfPresent(node, "server", v.server());
        return node;
    }

    private ObjectNode git(GitInfo git) {
        ObjectNode node = mapper.createObjectNode();
        putIfPresent(node, "commit", git.commit());
        putIfPresent(node, "branch", git.branch());
        if (git.dirty() != null) node.put("dirty", git.dirty());
        return node;
    }

    private ObjectNode environment(Environment env) {
        ObjectNode node = mapper.createObjectNode();
        putIfPresent(node, "fingerprint", env.fingerprint());
        putIfPresent(node, "cpu", env.cpu());
        node.put("cores", env.cores());
        node.put("memory_bytes", env.memoryBytes());
        putIfPresent(node, "os", env.os());
        putIfPresent(node, "java", env.java());
        PostgresInfo pg = env.postgresql();
        if (pg != null) {
            ObjectNode pgNode = node.putObject("postgresql");
            putIfPresent(pgNode, "version", pg.version());
            putIfPresent(pgNode, "origin", pg.origin());
            ObjectNode settings = pgNode.putObject("settings");
            pg.settings().forEach((k, v) -> putIfPresent(settings, k, v));
        }
        return node;
    }

    // The fixed keys come first; an extra entry reusing one of their names would collide, so it is skipped.
    private ObjectNode settings(RunSettings settings) {
        ObjectNode node = mapper.createObjectNode();
        node.put("iterations", settings.iterations());
        node.put("warmup", settings.warmup());
        node.put("quick", settings.quick());
        settings.extra().forEach((key, value) -> {
            if (!node.has(key) && value != null) node.set(key, mapper.valueToTree(plain(value)));
        });
        return node;
    }

    // JSON-shaped values go in as they are; anything else (a Duration, a Path) as its text.
    private static Object plain(Object value) {
        boolean jsonShaped = value instanceof Number || value instanceof Boolean || value instanceof CharSequence
                || value instanceof Map || value instanceof Collection;
        return jsonShaped ? value : value.toString();
    }

    private ObjectNode benchmark(BenchmarkResult b) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", b.name());
        node.put("unit", b.unit());
        node.put("direction", b.direction().jsonName());
        ArrayNode samples = node.putArray("samples");
        b.samples().forEach(samples::add);
        if (!b.samples().isEmpty()) node.set("summary", summary(b.sampleArray()));
        if (b.reported() != null) node.set("reported", reported(b.reported()));
        if (b.count()) node.put("kind", "count");
        if (b.counters() != null) node.set("counters", counters(b.counters()));
        return node;
    }

    private ObjectNode counters(Counters c) {
        ObjectNode node = mapper.createObjectNode();
        node.put("iterations", c.iterations());
        node.put("checkpoint", c.checkpoint());
        ObjectNode values = node.putObject("values");
        c.values().forEach((name, v) -> {
            ArrayNode a = values.putArray(name);
            for (long x : v) a.add(x);
        });
        if (c.plan() != null) {
            ObjectNode plan = node.putObject("plan");
            plan.put("fingerprint", c.plan().fingerprint());
            plan.put("summary", c.plan().summary());
            plan.put("nested", c.plan().nested());
        }
        if (!c.unavailable().isEmpty()) {
            ArrayNode u = node.putArray("unavailable");
            c.unavailable().forEach(u::add);
        }
        if (c.profile() != null && profiles) node.set("profile", ProfileJson.write(c.profile()));
        if (!c.answers().isEmpty()) node.set("answers", ProfileJson.writeAnswers(c.answers()));
        return node;
    }

    /** n, median, mean, min and max of the samples, for people and other tools; perfgate recomputes them. */
    private ObjectNode summary(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (Double.isInfinite(median)) median = sorted[n / 2 - 1] / 2 + sorted[n / 2] / 2; // the sum overflowed
        double sum = 0;
        for (double v : sorted) sum += v;
        double mean = sum / n;
        if (Double.isInfinite(mean)) { // overflow again: only near Double.MAX_VALUE, where the last digits matter less
            mean = 0;
            for (double v : sorted) mean += v / n;
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("n", n);
        node.put("median", median);
        node.put("mean", mean);
        node.put("min", sorted[0]);
        node.put("max", sorted[n - 1]);
        return node;
    }

    // A legacy baseline's summary, kept so that converting it to a results file loses nothing.
    private ObjectNode reported(ReportedSummary s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("mean", s.mean());
        node.put("stddev", s.stddev());
        if (!Double.isNaN(s.p95())) node.put("p95", s.p95());
        node.put("n", s.n());
        return node;
    }

    private static void check(RunResult run) {
        if (run.benchmarks().isEmpty()) throw cannotWrite("the run has no benchmarks");
        Set<String> names = new HashSet<>();
        for (BenchmarkResult b : run.benchmarks()) {
            String name = Messages.quote(b.name());
            if (!names.add(b.name())) throw cannotWrite("two benchmarks are named " + name);
            if (b.samples().isEmpty() && b.reported() == null) {
                throw cannotWrite("benchmark " + name + " has no samples");
            }
            for (int i = 0; i < b.samples().size(); i++) {
                double v = b.samples().get(i);
                if (!isMeasurement(v)) {
                    throw cannotWrite("benchmark " + name + " sample " + i + " is " + v + " (must be finite, >= 0)");
                }
            }
            ReportedSummary r = b.reported();
            if (r != null && !isValid(r)) throw cannotWrite("benchmark " + name + " has an invalid summary " + r);
        }
    }

    private static boolean isValid(ReportedSummary r) {
        boolean p95Ok = Double.isNaN(r.p95()) || isMeasurement(r.p95());
        return isMeasurement(r.mean()) && isMeasurement(r.stddev()) && p95Ok && r.n() >= 1;
    }

    private static boolean isMeasurement(double v) {
        return Double.isFinite(v) && v >= 0;
    }

    private static PerfgateException cannotWrite(String why) {
        return new PerfgateException("cannot save results: " + why + "; a results file must be readable again");
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) node.put(key, value);
    }
}
