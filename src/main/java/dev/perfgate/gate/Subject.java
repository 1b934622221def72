package dev.perfgate.gate;

import dev.perfgate.suite.Settings;

import java.nio.file.Path;
import java.util.List;

/** A {@code Subject} is what a check judges: a suite perfgate measures now, or another harness's results. */
public sealed interface Subject {

    /** Which benchmarks are judged. */
    Selection selection();

    /**
     * A suite measured on one side.
     *
     * @param overrides the command line's run settings (iterations, warm-up, scale, seed, counters); a field left
     *                  null takes the suite's value, then the default
     */
    record Measured(Side side, Selection selection, Settings overrides) implements Subject {
    }

    /** Results another harness measured ({@code check --import FORMAT FILE...}); a shard is refused. */
    record Imported(String format, List<Path> files, Selection selection) implements Subject {
        public Imported {
            files = List.copyOf(files);
        }
    }
}
