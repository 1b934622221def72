package dev.perfgate.imports;

import dev.perfgate.json.Fields;

import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports JMH's JSON results ({@code -rf json}): one benchmark per (method, params), named
 * {@code com.example.MyBench.method[param=value,...]}, with every measurement iteration of every fork as its
 * samples in {@code scoreUnit}; throughput is better higher, the time modes lower. Gateable secondary metrics
 * (per-operation costs such as {@code gc.alloc.rate.norm} from {@code -prof gc}) become benchmarks of their own,
 * {@code method[params]:gc.alloc.rate.norm}. A method measured in several modes gets the mode appended,
 * {@code method (thrpt)}.
 *
 * <p>The JVM goes into the environment; the JMH version, forks, threads and JVM arguments into the settings. The
 * file knows nothing of the CPU, memory or OS, so the environment fingerprint stays {@code null}: a fingerprint
 * of the JVM alone would let two different machines pass as the same one.
 */
public final class JmhImporter implements Importer {

    static final String EXPECTED = "JMH's JSON results (java -jar benchmarks.jar -rf json -rff results.json)";

    @Override
    public String format() {
        return "jmh";
    }

    @Override
    public String reads() {
        return EXPECTED;
    }

    @Override
    public ImportResult parse(String text, String sourceName) {
        JsonInput input = JsonInput.read(sourceName, text, EXPECTED, JsonNodeType.ARRAY,
                "an array [...] of benchmark results");
        Fields in = input.in();
        JsonNode root = input.root();
        if (root.isEmpty()) {
            throw in.fail(Where.ROOT, "no benchmark results in it", "JMH writes [] when no benchmark ran: "
                    + "check the run's output for errors");
        }
        List<JmhEntry> entries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) entries.add(JmhEntry.read(in, root.get(i), Where.ROOT.index(i)));
        List<String> warnings = new ArrayList<>();
        List<BenchmarkResult> benchmarks = benchmarks(in, entries, warnings);
        RunResult run = new RunResult(format(), null, null, environment(in, root.get(0)), settings(in, root.get(0)),
                benchmarks);
        return new ImportResult(run, warnings);
    }

    private static List<BenchmarkResult> benchmarks(Fields in, List<JmhEntry> entries, List<String> warnings) {
        Map<String, Set<String>> modes = new HashMap<>();
        entries.forEach(e -> modes.computeIfAbsent(e.baseName(), k -> new HashSet<>()).add(e.mode()));
        Map<String, BenchmarkResult> byName = new LinkedHashMap<>();
        List<String> noRawData = new ArrayList<>();
        Set<String> unusable = new LinkedHashSet<>();
        for (JmhEntry e : entries) {
            String name = modes.get(e.baseName()).size() > 1 ? e.baseName() + " (" + e.mode() + ")" : e.baseName();
            if (e.primary() == null) {
                noRawData.add(name);
                continue;
            }
            add(in, byName, e, warnings, new BenchmarkResult(name, e.unit(), e.direction(), e.primary().samples()),
                    e.primary().recorded());
            for (JmhEntry.Secondary s : e.secondaries()) {
                // bytes allocated per operation is an exact count once the JIT settled: judged by a tolerance
                boolean count = s.label().equals("gc.alloc.rate.norm");
                add(in, byName, e, warnings, new BenchmarkResult(name + ":" + s.label(), s.unit(), s.direction(),
                        s.samples().samples(), null, null, count), s.samples().recorded());
            }
            unusable.addAll(e.unusable());
            warnings.addAll(e.problems());
        }
        if (byName.isEmpty()) {
            throw in.fail(Where.ROOT, "no benchmark has raw per-iteration data (rawData), only a score each",
                    "a single score is not a sample that can be tested; re-run with a JMH that writes rawData "
                            + "(1.37 does)");
        }
        if (!noRawData.isEmpty()) {
            warnings.add(noRawData.size() + " benchmark(s) have only a score, no raw data (rawData), and were not "
                    + "imported: " + String.join(", ", noRawData) + "; re-run with a JMH that writes rawData");
        }
        if (!unusable.isEmpty()) {
            warnings.add("secondary metrics not imported, as they change with the iteration's length or throughput "
                    + "rather than with the code alone: " + String.join(", ", unusable)
                    + "; per-operation metrics such as gc.alloc.rate.norm (B/op) are imported");
        }
        return List.copyOf(byName.values());
    }

    private static void add(Fields in, Map<String, BenchmarkResult> byName, JmhEntry entry, List<String> warnings,
                            BenchmarkResult b, long recorded) {
        if (byName.putIfAbsent(b.name(), b) != null) {
            throw in.fail(entry.at(), "a second result for " + Messages.quote(b.name()) + " (same method, params "
                    + "and mode)", "import one JMH run per file");
        }
        String thinned = Thinning.warning(b.name(), recorded);
        if (thinned != null) warnings.add(thinned);
    }

    /** The JVM, as the runner's probe spells it: VM name and version. */
    private static Environment environment(Fields in, JsonNode first) {
        Where at = Where.ROOT.index(0);
        String vmName = in.text(first, at, "vmName");
        String vmVersion = in.text(first, at, "vmVersion");
        String jdk = in.text(first, at, "jdkVersion");
        String version = vmVersion != null ? vmVersion : jdk;
        String java = vmName == null ? version : version == null ? vmName : vmName + " " + version;
        return java == null ? null : new Environment(null, null, 0, 0, null, java, null);
    }

    /** Iterations and warm-up of the first benchmark (JMH lets each override them), and how JMH ran. */
    private static RunSettings settings(Fields in, JsonNode first) {
        Where at = Where.ROOT.index(0);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("imported_from", "jmh");
        putIfPresent(extra, "jmh_version", in.text(first, at, "jmhVersion"));
        putIfPresent(extra, "jmh_jdk_version", in.text(first, at, "jdkVersion"));
        putIfPresent(extra, "jmh_jvm", in.text(first, at, "jvm"));
        putIfPresent(extra, "jmh_warmup_time", in.text(first, at, "warmupTime"));
        putIfPresent(extra, "jmh_measurement_time", in.text(first, at, "measurementTime"));
        int forks = in.count(first, at, "forks", -1);
        if (forks >= 0) extra.put("jmh_forks", forks);
        int threads = in.count(first, at, "threads", -1);
        if (threads >= 0) extra.put("jmh_threads", threads);
        JsonNode args = Fields.get(first, "jvmArgs");
        if (args != null) extra.put("jmh_jvm_args", jvmArgs(in, args, at.field("jvmArgs")));
        return new RunSettings(in.count(first, at, "measurementIterations", 0),
                in.count(first, at, "warmupIterations", 0), false, extra);
    }

    private static List<String> jvmArgs(Fields in, JsonNode args, Where at) {
        if (!args.isArray()) throw in.wrongType(at, args, "an array of strings", "expected " + EXPECTED);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).isTextual()) {
                throw in.wrongType(at.index(i), args.get(i), "a string", "expected " + EXPECTED);
            }
            out.add(args.get(i).textValue());
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> extra, String key, String value) {
        if (value != null) extra.put(key, value);
    }
}
