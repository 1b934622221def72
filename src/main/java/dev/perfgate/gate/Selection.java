package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.Shard;
import dev.perfgate.suite.BenchmarkSpec;
import dev.perfgate.suite.Suite;

import java.util.List;

/**
 * A {@code Selection} is which benchmarks of a suite run: those named ({@code --benchmark}, all when none) that fall
 * in the shard ({@code --shard I/N}, all when null). Both sides of an A/B comparison run the same selection.
 */
public record Selection(List<String> only, Shard shard) {

    public static final Selection ALL = new Selection(List.of(), null);

    public Selection {
        only = only == null ? List.of() : List.copyOf(only);
    }

    /** The suite cut to this selection; a named benchmark the suite lacks is refused. */
    public Suite apply(Suite suite) {
        Suite s = suite;
        if (!only.isEmpty()) {
            for (String name : only) {
                if (s.benchmarks().stream().noneMatch(b -> b.name().equals(name))) {
                    throw new PerfgateException("--benchmark " + name + ": no such benchmark in " + s.source()
                            + " (it has " + String.join(", ", s.benchmarks().stream().map(BenchmarkSpec::name)
                            .toList()) + ")");
                }
            }
            s = s.only(only);
        }
        return inShard(s);
    }

    /** The other version of the suite cut the same way; a named benchmark it lacks is simply absent there. */
    public Suite applyLeniently(Suite other) {
        return inShard(only.isEmpty() ? other : other.only(only));
    }

    /**
     * A stored or imported run cut to the same shard and the benchmarks named, so a shard is compared with its part
     * of the baseline; a name the run lacks is left out, not refused (a baseline may lack a new benchmark).
     */
    public RunResult apply(RunResult run) {
        RunResult r = shard == null ? run : shard.select(run);
        if (only.isEmpty()) return r;
        return new RunResult(r.suite(), r.created(), r.git(), r.environment(), r.settings(),
                r.benchmarks().stream().filter(b -> only.contains(b.name())).toList(), r.ab());
    }

    /** The run marked with its shard, so {@code merge} can join the parts. */
    public RunResult mark(RunResult run) {
        return shard == null ? run : shard.mark(run);
    }

    /** True when a shard was asked for and holds none of the suite's benchmarks: nothing to run, not an error. */
    public boolean emptyShard(Suite selected) {
        return shard != null && selected.benchmarks().isEmpty();
    }

    private Suite inShard(Suite s) {
        if (shard == null) return s;
        return s.only(s.benchmarks().stream().map(BenchmarkSpec::name).filter(shard::holds).toList());
    }
}
