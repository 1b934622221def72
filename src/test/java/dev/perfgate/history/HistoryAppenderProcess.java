package dev.perfgate.history;

import java.nio.file.Path;

/**
 * A {@code check}-style appender in its own JVM, for {@link HistoryFileConcurrencyIT} and {@link HistoryFileCrashIT}:
 * file locks only exclude other processes, and only a process can be killed mid-write. Arguments: history file,
 * writer id, number of runs, and optionally benchmarks and samples per run (default 20 x 30).
 */
public final class HistoryAppenderProcess {

    private HistoryAppenderProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int benchmarks = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int samples = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        for (int i = 0; i < runs; i++) {
            HistoryStore store = HistoryStore.open(file.toString()); // a fresh store each time, as each check has
            store.append(HistoryTestRuns.appended(writer, i, benchmarks, samples));
        }
    }

    /** The command that starts this class in a new JVM with the test class path. */
    static ProcessBuilder command(Path file, int writer, int runs, int benchmarks, int samples) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HistoryAppenderProcess.class.getName(), file.toString(),
                String.valueOf(writer), String.valueOf(runs), String.valueOf(benchmarks), String.valueOf(samples));
    }
}
