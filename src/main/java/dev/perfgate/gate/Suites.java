package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;

import java.nio.file.Path;
import java.util.List;

/** Reading a side's suite, and the checks on benchmark names that can be made before anything runs. */
final class Suites {

    private Suites() {
    }

    /** The suite a folder or the jar holds; a revision is exported first ({@link BaseSuites}). */
    static Suite read(SuiteSource source) {
        if (source instanceof SuiteSource.Bundled b) return SuiteReader.bundled(b.name());
        if (source instanceof SuiteSource.Folder f) return SuiteReader.readFolder(f.path());
        throw new IllegalArgumentException("a revision is read through BaseSuites: " + source);
    }

    /**
     * True when two suites hold the same SQL, settings and benchmarks, wherever they were read from (two checkouts
     * of one commit, or a revision whose suite folder did not change).
     */
    static boolean sameContent(Suite a, Suite b) {
        return a.equals(new Suite(a.name(), a.source(), b.settings(), b.setup(), b.teardown(), b.benchmarks(),
                b.serverSettings()));
    }

    /** The suite folder, where its baseline lives; null for a bundled suite. */
    static Path folder(SuiteSource source) {
        return source instanceof SuiteSource.Folder f ? f.path() : null;
    }

    static List<String> names(Suite suite) {
        return suite.benchmarks().stream().map(BenchmarkSpec::name).toList();
    }

    static List<String> names(RunResult run) {
        return run.benchmarks().stream().map(BenchmarkResult::name).toList();
    }

    /**
     * Why a run of {@code current} cannot be judged against {@code base} at all, or null: a baseline with benchmarks
     * of which none is in the run (another suite's, or every benchmark renamed) would otherwise pass as "all new,
     * all missing" without a word.
     */
    static String nothingInCommon(List<String> base, List<String> current) {
        if (base.isEmpty() || current.isEmpty()) return null;
        for (String name : current) if (base.contains(name)) return null;
        return "has no benchmark in common with this run (baseline: " + first5(base) + "; this run: "
                + first5(current) + ")";
    }

    /** Refuses two runs of which neither has a benchmark of the other (see {@link #nothingInCommon}). */
    static void requireCommon(RunResult base, RunResult current, String what, String advice) {
        String unrelated = nothingInCommon(names(base), names(current));
        if (unrelated != null) throw new PerfgateException(what + " " + unrelated + ": " + advice);
    }

    private static String first5(List<String> names) {
        return String.join(", ", names.stream().limit(5).toList()) + (names.size() > 5 ? ", ..." : "");
    }
}
