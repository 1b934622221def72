package dev.perfgate.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark suite: suite-level settings and setup/teardown SQL from {@code _suite.sql}, and one benchmark
 * per other {@code .sql} file, in file-name order.
 *
 * @param source         where it was read from (a folder, or {@code bundled:tviews})
 * @param serverSettings PostgreSQL settings for the servers perfgate starts for this suite
 *                       ({@code -- perfgate:server NAME=VALUE} in {@code _suite.sql}), in the order written
 */
public record Suite(String name, String source, Settings settings, List<SqlStatement> setup,
                    List<SqlStatement> teardown, List<BenchmarkSpec> benchmarks, Map<String, String> serverSettings) {
    public Suite {
        setup = List.copyOf(setup);
        teardown = List.copyOf(teardown);
        benchmarks = List.copyOf(benchmarks);
        serverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(serverSettings));
    }

    /** This suite with only the named benchmarks, in the suite's order. */
    public Suite only(java.util.Collection<String> names) {
        return new Suite(name, source, settings, setup, teardown,
                benchmarks.stream().filter(b -> names.contains(b.name())).toList(), serverSettings);
    }
}
