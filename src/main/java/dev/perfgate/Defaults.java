package dev.perfgate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code Defaults} are every default perfgate runs with, each in one place with the reason for its value (as JMH's
 * {@code Defaults}). A suite's {@code _suite.sql} and the command line override the run settings; the rest are the
 * defaults of options.
 */
public final class Defaults {

    /** Measured iterations per benchmark: 30 is the fewest the verdict rule accepts outside quick mode. */
    public static final int ITERATIONS = 30;

    /** Six, so PostgreSQL's custom-or-generic plan choice (made at the sixth execution) happens before timing. */
    public static final int WARMUP = 6;

    /** Iterations per benchmark in quick mode: enough for a median, far too few for fine verdicts. */
    public static final int QUICK_ITERATIONS = 5;

    /** Seed of a suite's random parameters: fixed, so two runs draw the same rows. */
    public static final long SEED = 42;

    /** The suite's {@code :scale}: the data set as the suite writes it. */
    public static final int SCALE = 1;

    /** Per-statement timeout ({@code statement_timeout}): a statement that hangs must not hold CI for hours. */
    public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Untimed iterations per benchmark whose counts are recorded: counts repeat exactly run to run (measured on the
     * demo suite), so a few are enough to show that and to average what varies with the parameters drawn.
     */
    public static final int COUNTER_ITERATIONS = 3;

    /**
     * Untimed iterations per benchmark profiled statement by statement and function by function (attribution): each
     * statement's time scatters from iteration to iteration, and a share is given only when its change is larger than
     * that scatter, so more than the counters' few; ten keep the cost to a few ms per benchmark on the demo suite.
     */
    public static final int PROFILE_ITERATIONS = 10;

    /** Statements and functions a profile keeps, most time first; the rest are counted, so a report stays short. */
    public static final int PROFILE_ENTRIES = 25;

    /**
     * A/B: passes of pairs a benchmark may get in all (a first pass and up to three confirmation passes), so the
     * default pair budget is this many times the iterations; with the alpha spent per pass
     * ({@code analysis.Looks}) a fourth pass still fails at a tenth of alpha.
     */
    public static final int PASSES = 4;

    /**
     * A/B: at most this many pairs per benchmark by default (or passes x iterations, when more): a cheap benchmark
     * gets many pairs, as {@link #LOOK_TIME} buys them, and thousands of pairs keep every statistic instant.
     */
    public static final int MAX_PAIRS = 4000;

    /**
     * A/B: a pass of pairs may take this long when the suite's iterations take less, so a cheap benchmark gets the
     * pairs that make it sensitive (a 0.1 ms statement: a few hundred pairs, "could detect" about 1 % instead of 3-5 %
     * at 40) while one whose iterations take longer gets just its iterations; at most {@link #LOOK_BUDGET} over the
     * whole suite.
     */
    public static final Duration LOOK_TIME = Duration.ofMillis(250);

    /**
     * A/B: what the cheap benchmarks' longer first passes may add to a run in all: an A/B run of unchanged code costs
     * about 1.7 times a plain check already (two databases, twice the iterations), and the cheap benchmarks' pairs
     * are to come inside about that (the goal: at most 1.8 times). Each benchmark gets {@link #LOOK_TIME} or
     * its share of this, the less: on the demo suite 0.1 s each (docs/MEASUREMENTS.md).
     */
    public static final Duration LOOK_BUDGET = Duration.ofMillis(400);

    /** A/B: no pass after a benchmark's first starts after this long, so a slow suite cannot hold a CI job for hours. */
    public static final Duration MAX_TIME = Duration.ofMinutes(10);

    /**
     * Run-to-run scatter of a benchmark's median assumed until the history has measured it: on shared 2-core CI
     * machines the medians of two runs of unchanged code differ by 25-50 % (docs/MEASUREMENTS.md).
     */
    public static final double RUN_NOISE = 0.25;

    /** The same as {@link #RUN_NOISE}, as the option's default is written. */
    public static final String RUN_NOISE_TEXT = "25%";

    /** Where {@code run} and {@code check} write the results file. */
    public static final Path RESULTS = Path.of("perfgate-out", "results.json");

    /** Where an A/B run writes the base side's results file. */
    public static final Path BASE_RESULTS = Path.of("perfgate-out", "results-base.json");

    /** The run history: JSON lines beside the results, so a CI cache of {@code perfgate-out/} keeps it. */
    public static final String HISTORY = "perfgate-out/history.jsonl";

    private Defaults() {
    }
}
