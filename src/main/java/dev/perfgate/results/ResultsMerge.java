package dev.perfgate.results;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.model.Shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code ResultsMerge} joins the results of one suite's shards ({@code --shard I/N}, one runner each) into one run,
 * for reports, a comparison and the history. Pure: runs in, run out.
 *
 * <p>The parts must be of one suite, share no benchmark name, and be all plain runs or all the same side of
 * same-session A/B runs. The merged run keeps the first part's commit, environment, creation time and settings
 * (each shard ran on its own runner, so the first stands for them all), lists its benchmarks in the order of the
 * parts, and records the shards it holds in {@code settings.shards}. A/B parts keep their pairs: merging the base
 * parts and the candidate parts of the same shards gives two files that {@code compare} pairs again; their session
 * is the sorted list of the shards' sessions, the same on both sides whatever order the files came in.
 */
public final class ResultsMerge {

    /** Results key ({@code settings.shards}): the shards a merged run holds, e.g. {@code ["1/3", "2/3"]}. */
    public static final String SHARDS_KEY = "shards";

    /** One results file to merge, and what messages call it (its path). */
    public record Part(String source, RunResult run) {
        public Part {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(run, "run");
        }
    }

    /** The merged run, and what the user should know about it (e.g. a shard that is not there). */
    public record Merged(RunResult run, List<String> warnings) {
        public Merged {
            warnings = List.copyOf(warnings);
        }
    }

    private ResultsMerge() {
    }

    /** Merges the parts, in order; refuses parts that cannot make one run (exit 2, naming the files). */
    public static Merged merge(List<Part> parts) {
        if (parts.isEmpty()) throw new PerfgateException("nothing to merge: give the shards' results files");
        Part first = parts.get(0);
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Part p : parts) {
            if (!Objects.equals(p.run().suite(), first.run().suite())) {
                throw new PerfgateException("cannot merge " + p.source() + " (suite " + p.run().suite() + ") with "
                        + first.source() + " (suite " + first.run().suite() + "): merge the shards of one suite");
            }
            sameSide(first, p);
            for (BenchmarkResult b : p.run().benchmarks()) {
                String earlier = sourceOf.putIfAbsent(b.name(), p.source());
                if (earlier != null) {
                    throw new PerfgateException("cannot merge: benchmark " + b.name() + " is in both " + earlier
                            + " and " + p.source() + "; merge each shard once, and the shards of one split");
                }
                benchmarks.add(b);
            }
        }
        List<String> warnings = new ArrayList<>();
        List<String> shards = shards(parts, warnings);
        RunResult r = first.run();
        RunResult merged = new RunResult(r.suite(), r.created(), r.git(), r.environment(), settings(parts, shards),
                benchmarks, ab(parts));
        return new Merged(merged, warnings);
    }

    private static void sameSide(Part first, Part p) {
        AbInfo a = first.run().ab();
        AbInfo b = p.run().ab();
        if ((a == null) != (b == null)) {
            Part ab = a != null ? first : p;
            Part plain = a != null ? p : first;
            throw new PerfgateException("cannot merge " + ab.source() + " (one side of an A/B run) with " + plain.source()
                    + " (a plain run): merge the base sides together and the candidate sides together");
        }
        if (a != null && !a.role().equals(b.role())) {
            throw new PerfgateException("cannot merge " + first.source() + " (the " + a.role() + " of an A/B run) with "
                    + p.source() + " (the " + b.role() + "): merge the base sides together and the candidate sides "
                    + "together, then compare the two merged files");
        }
    }

    /** The shards the parts say they are, checked to be of one split; a missing one is a warning, not an error. */
    private static List<String> shards(List<Part> parts, List<String> warnings) {
        TreeSet<Integer> indices = new TreeSet<>();
        Integer count = null;
        List<String> shards = new ArrayList<>();
        for (Part p : parts) {
            for (String text : shardsOf(p.run())) {
                Shard s;
                try {
                    s = Shard.parse(text, "settings.shard");
                } catch (PerfgateException e) {
                    throw new PerfgateException(p.source() + ": " + e.getMessage(), e);
                }
                if (count != null && count != s.count()) {
                    throw new PerfgateException("cannot merge " + p.source() + " (shard " + s + ") with shards of "
                            + count + ": merge the shards of one split");
                }
                count = s.count();
                if (!indices.add(s.index())) {
                    throw new PerfgateException("cannot merge: shard " + s + " appears twice (again in " + p.source()
                            + "); merge each shard once");
                }
                shards.add(s.toString());
            }
        }
        if (count != null && indices.size() < count) {
            List<String> missing = new ArrayList<>();
            for (int i = 1; i <= count; i++) if (!indices.contains(i)) missing.add(i + "/" + count);
            warnings.add("merged " + indices.size() + " of " + count + " shards; missing " + String.join(", ", missing)
                    + " (a shard with no benchmarks writes no results; otherwise its job did not finish)");
        }
        return shards;
    }

    private static List<String> shardsOf(RunResult run) {
        if (run.settings() == null) return List.of();
        Object one = run.settings().extra().get(Shard.SETTINGS_KEY);
        if (one != null) return List.of(one.toString());
        Object many = run.settings().extra().get(SHARDS_KEY);
        if (many instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return List.of();
    }

    private static RunSettings settings(List<Part> parts, List<String> shards) {
        RunSettings first = parts.get(0).run().settings();
        boolean quick = parts.stream().anyMatch(p -> p.run().settings() != null && p.run().settings().quick());
        if (first == null && shards.isEmpty()) return null;
        Map<String, Object> extra = new LinkedHashMap<>(first == null ? Map.of() : first.extra());
        extra.remove(Shard.SETTINGS_KEY);
        extra.remove(SHARDS_KEY);
        if (!shards.isEmpty()) extra.put(SHARDS_KEY, List.copyOf(shards));
        return first == null ? new RunSettings(0, 0, quick, extra)
                : new RunSettings(first.iterations(), first.warmup(), quick, extra);
    }

    /**
     * The parts' A/B information as one: a session named by all of theirs, each benchmark's number of passes, and
     * "could confirm" if any part could (the smaller error share per pass: the conservative choice).
     */
    private static AbInfo ab(List<Part> parts) {
        AbInfo first = parts.get(0).run().ab();
        if (first == null) return null;
        if (parts.size() == 1) return first;
        TreeSet<String> sessions = new TreeSet<>();
        Map<String, Integer> looks = new LinkedHashMap<>();
        Map<String, String> stops = new LinkedHashMap<>();
        Map<String, Double> detect = new LinkedHashMap<>();
        boolean confirm = false;
        for (Part p : parts) {
            AbInfo ab = p.run().ab();
            sessions.addAll(List.of(ab.session().split("\\+"))); // a merged file merged again: same name
            looks.putAll(ab.looks());
            stops.putAll(ab.stops());
            detect.putAll(ab.detect());
            confirm |= ab.confirm();
        }
        return new AbInfo(String.join("+", sessions), first.role(), first.base(), first.candidate(), looks, confirm,
                detect, stops);
    }
}
