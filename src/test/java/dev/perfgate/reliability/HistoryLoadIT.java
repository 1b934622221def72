package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A history of 100,000 runs (3 benchmarks of 30 samples each, ~160 MB) still lists, plots and analyzes within the
 * history issue's limit (10 s, set there for 10,000 runs x 100 benchmarks), and analyze finds the injected shift.
 * Generating the file takes a few seconds and the commands ~10 s together, so it runs only with
 * {@code -Dperfgate.load=true}: {@code mvn -o verify -Dperfgate.load=true -Dit.test=HistoryLoadIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. An integration test because it times the commands: the unit tests' JVM
 * is tuned for short tests (C1 only), this one is the JVM's default. docs/RELIABILITY.md has the figures measured on
 * the jar.
 */
class HistoryLoadIT {

    static final int RUNS = 100_000;
    static final double LIMIT_SECONDS = 10;

    @TempDir
    static Path dir;
    static Path history;

    @BeforeAll
    static void bigHistory() throws IOException {
        assumeTrue(Boolean.getBoolean("perfgate.load"), "load test: run with -Dperfgate.load=true");
        history = dir.resolve("history.jsonl");
        HistoryLoad.write(history, RUNS, 3);
    }

    @Test
    void listsTheLastRunsQuickly() {
        Cli r = timed("list", "history", "list", "--history", history.toString());
        assertThat(r.out()).containsPattern("(?m)^\\s*" + RUNS + " ");
    }

    @Test
    void analyzesAndFindsTheShift() {
        Cli r = timed("analyze", "history", "analyze", "--history", history.toString());
        assertThat(r.out()).containsPattern("b1 +time +" + (HistoryLoad.shiftAt(RUNS) + 1) + " ");
    }

    @Test
    void plotsEveryBenchmark() {
        Cli r = timed("plot", "history", "plot", "--history", history.toString(), "--out", dir.resolve("plot").toString());
        assertThat(r.out()).contains("Wrote 3 charts and index.html");
    }

    private static Cli timed(String what, String... args) {
        long start = System.nanoTime();
        Cli r = Cli.run(args).succeeds();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "history %s over %,d runs: %.1f s%n", what, RUNS, seconds);
        assertThat(seconds).as("history " + what + " seconds").isLessThan(LIMIT_SECONDS);
        return r;
    }
}
