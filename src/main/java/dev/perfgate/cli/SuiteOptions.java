package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

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

    @Option(names = {"-b", "--benchmark"}, paramLabel = "NAME", description = "Run only this benchmark (repeatable).")
    List<String> only;

    /** The suite to run: the folder given, or the bundled demo suite; filtered by {@code --benchmark}. */
    Suite read() {
        Suite s = suite == null ? SuiteReader.bundled(SuiteReader.DEMO_SUITE) : SuiteReader.readFolder(suite);
        if (only == null || only.isEmpty()) return s;
        for (String name : only) {
            if (s.benchmarks().stream().noneMatch(b -> b.name().equals(name))) {
                throw new PerfgateException("--benchmark " + name + ": no such benchmark in " + s.source() + " (it has "
                        + String.join(", ", s.benchmarks().stream().map(b -> b.name()).toList()) + ")");
            }
        }
        return s.only(only);
    }

    /** The command line's overrides of the suite's settings. */
    Settings overrides(Integer defaultIterations) {
        Settings s = Settings.EMPTY;
        if (iterations != null) s = s.with("iterations", iterations.toString(), "--iterations", 0);
        else if (defaultIterations != null) s = s.with("iterations", defaultIterations.toString(), "--iterations", 0);
        if (warmup != null) s = s.with("warmup", warmup.toString(), "--warmup", 0);
        if (scale != null) s = s.with("scale", scale.toString(), "--scale", 0);
        if (seed != null) s = s.with("seed", seed.toString(), "--seed", 0);
        return s;
    }
}
