package dev.perfgate.gate;

import dev.perfgate.io.Outputs;
import dev.perfgate.results.Baselines;

import java.nio.file.Path;

/** Where a run's results file may go: a writable path that is not an accepted baseline. */
final class ResultFiles {

    private ResultFiles() {
    }

    /** @param option how the user named it, e.g. {@code -o} or {@code --base-output} */
    static void requireWritable(Path file, String option) {
        Outputs.requireWritableFile(file, option);
        Baselines.requireNotAccepted(file, option);
    }
}
