package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.bench.Progress;
import dev.perfgate.bench.Session;
import dev.perfgate.bench.SuiteRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.Shard;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The options shared by the commands that run a suite. */
public final class SuiteOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE",
            description = "Folder of .sql benchmark files (default: the bundled demo suite 'tviews').")
    Path suite;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Benchmark this server (jdbc:postgresql://HOST[:PORT]/DB) instead of an embedded one. "
                    + "Password from PGPASSWORD or ~/.pgpass.")
    String db;

    @Option(names = "--scale", paramLabel = "N", description = "Grow the suite's data set N times (the suite's :scale).")
    Integer scale;

    @Option(names = "--iterations", paramLabel = "N", description = "Measured iterations per benchmark.")
    Integer iterations;

    @Option(names = "--warmup", paramLabel = "N", description = "Discarded warm-up iterations per benchmark.")
    Integer warmup;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random parameters.")
    Long seed;

    @Option(names = "--no-counters", negatable = false,
            description = "Time only: skip counting buffers, WAL, rows and plans (see 'counters' in the user guide).")
    boolean noCounters;

    @Option(names = {"-b", "--benchmark"}, paramLabel = "NAME", description = "Run only this benchmark (repeatable).")
    List<String> only;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N (1-based): a stable part of the benchmarks, chosen by a hash of each "
                    + "name, so the same benchmark always lands in the same shard; 'perfgate merge' joins the parts.")
    String shardOption;

    /** The {@code --shard} asked for, or null. */
    Shard shard() {
        return shardOption == null ? null : Shard.parse(shardOption, "--shard");
    }

    /**
     * The suite to run: the folder given, or the bundled demo suite; filtered by {@code --benchmark} and
     * {@code --shard} (a shard may hold none of the benchmarks: see {@link #nothingInShard}).
     */
    Suite read() {
        Shard shard = shard(); // a malformed --shard is refused before the suite is read
        Suite s = suite == null ? SuiteReader.bundled(SuiteReader.DEMO_SUITE) : SuiteReader.readFolder(suite);
        if (only != null && !only.isEmpty()) {
            for (String name : only) {
                if (s.benchmarks().stream().noneMatch(b -> b.name().equals(name))) {
                    throw new PerfgateException("--benchmark " + name + ": no such benchmark in " + s.source()
                            + " (it has " + String.join(", ", s.benchmarks().stream().map(b -> b.name()).toList())
                            + ")");
                }
            }
            s = s.only(only);
        }
        return inShard(s, shard);
    }

    /** The other version of the suite with the same {@code --benchmark} and {@code --shard} filters. */
    Suite sameSelection(Suite other) {
        Suite s = only == null || only.isEmpty() ? other : other.only(only);
        return inShard(s, shard());
    }

    private static Suite inShard(Suite s, Shard shard) {
        if (shard == null) return s;
        return s.only(s.benchmarks().stream().map(b -> b.name()).filter(shard::holds).toList());
    }

    /**
     * True, after saying so, when {@code --shard} left nothing to run: not an error, a suite with fewer benchmarks
     * than shards has empty ones, and the other shards' results are complete without it.
     */
    boolean nothingInShard(Suite s, Console console) {
        if (!s.benchmarks().isEmpty() || shardOption == null) return false;
        console.out().println("Shard " + shard() + " holds none of the benchmarks of " + s.source() + ": nothing to "
                + "run, no results written.");
        return true;
    }

    /** The run marked with its shard, when {@code --shard} was given. */
    RunResult marked(RunResult run) {
        Shard shard = shard();
        return shard == null ? run : shard.mark(run);
    }

    /** The command line's overrides of the suite's settings; {@code defaultIterations} unless --iterations. */
    Settings overrides(Integer defaultIterations) {
        return Settings.fromOptions(iterations != null ? iterations : defaultIterations, warmup, scale, seed,
                noCounters ? Boolean.FALSE : null);
    }

    /** Runs the suite in a plain session (one suite, one database) and reports how long each phase took. */
    RunResult measure(Suite s, Console console, boolean quick, Integer defaultIterations) {
        Settings overrides = overrides(defaultIterations);
        Progress progress = console.progress();
        long start = System.nanoTime();
        try (Session session = Session.start(db, progress::status)) {
            RunResult result = SuiteRun.measure(session, s, overrides, quick, progress);
            console.err().printf(Locale.ROOT, "perfgate: %s: server ready in %.1f s, suite ran in %.1f s%n",
                    session.serverDescription(), session.startSeconds(),
                    (System.nanoTime() - start) / 1e9 - session.startSeconds());
            return result;
        }
    }
}
