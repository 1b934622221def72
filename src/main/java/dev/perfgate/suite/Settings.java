package dev.perfgate.suite;

import dev.perfgate.Defaults;
import dev.perfgate.format.Durations;
import dev.perfgate.format.Shares;
import dev.perfgate.model.Direction;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The settings a suite or a benchmark file declares in {@code -- perfgate: key=value ...} lines. A field is
 * {@code null} when not declared at that level; {@link #overriddenBy} layers them (defaults, suite,
 * benchmark, command line) and the accessors fill in the defaults.
 *
 * @param timeout per-statement timeout ({@code statement_timeout})
 * @param seed    seed of the random parameters, so two runs draw the same values
 * @param scale   data-set size multiplier for the suite setup, bound as {@code :scale}
 * @param failThreshold the suite's regression threshold as a fraction (0.10 = 10 %), null for the default policy
 * @param warnThreshold the suite's warning threshold as a fraction
 * @param alpha         the suite's significance level
 * @param vacuum        run {@code VACUUM} before each benchmark, so one benchmark's dead rows don't slow the next
 * @param counters      count buffers, WAL, rows and plans on untimed iterations after the timed ones
 * @param attribution   profile each statement and function on untimed iterations, to say where a change went
 * @param results       A/B: {@code "must-match"} fails a benchmark whose statements answer differently on the two
 *                      sides; {@code "may-differ"} (the default) warns
 * @param driftBudget   how much the suite may drift from its anchor (the reviewed baseline's commit) before
 *                      {@code check --against-anchor} fails, as a fraction; null for the fail threshold
 * @param detect        A/B: the smallest change each benchmark must be able to see ("could detect"), as a fraction:
 *                      pairs are added until it is reached or the budgets run out; null for no target
 */
public record Settings(Integer iterations, Integer warmup, String unit, Direction direction, Isolation isolation,
                       Duration timeout, Metric metric, Long seed, Integer scale, Double failThreshold,
                       Double warnThreshold, Double alpha, Boolean vacuum, Boolean counters, Boolean attribution,
                       String results, Double driftBudget, Double detect) {

    public static final Settings EMPTY =
            new Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);

    static final Set<String> KEYS = Set.of("iterations", "warmup", "unit", "direction", "isolation", "timeout",
            "metric", "seed", "scale", "fail_threshold", "warn_threshold", "alpha", "vacuum", "counters", "attribution",
            "results", "drift_budget", "detect");

    /** How one iteration's changes are undone. */
    public enum Isolation {
        /** Each iteration runs in a transaction that is rolled back: no drift, commit cost not measured. */
        ROLLBACK,
        /** Statements autocommit (commit cost measured, as pgbench does); teardown must undo the changes. */
        COMMIT
    }

    /** What one sample is. */
    public enum Metric {
        /** Elapsed time of the timed statements. */
        TIME,
        /** Time of part A / time of part B, measured interleaved in the same iteration. */
        RATIO
    }

    public int iterationsOrDefault() {
        return iterations == null ? Defaults.ITERATIONS : iterations;
    }

    public int warmupOrDefault() {
        return warmup == null ? Defaults.WARMUP : warmup;
    }

    public Metric metricOrDefault() {
        return metric == null ? Metric.TIME : metric;
    }

    public String unitOrDefault() {
        return unit != null ? unit : metricOrDefault() == Metric.RATIO ? "x" : "ms";
    }

    public Direction directionOrDefault() {
        return direction != null ? direction : metricOrDefault() == Metric.RATIO ? Direction.HIGHER : Direction.LOWER;
    }

    public Isolation isolationOrDefault() {
        return isolation == null ? Isolation.ROLLBACK : isolation;
    }

    public Duration timeoutOrDefault() {
        return timeout == null ? Defaults.STATEMENT_TIMEOUT : timeout;
    }

    public long seedOrDefault() {
        return seed == null ? Defaults.SEED : seed;
    }

    public boolean vacuumOrDefault() {
        return vacuum == null || vacuum;
    }

    public boolean countersOrDefault() {
        return counters == null || counters;
    }

    /** True unless attribution was turned off (it needs the counters too). */
    public boolean attributionOrDefault() {
        return (attribution == null || attribution) && countersOrDefault();
    }

    /**
     * Why attribution is off when it was not turned off itself, in one line; null when it is on or was turned off.
     * The profile is taken after the counter iterations and kept with the counters (results, comparison), so turning
     * the counters off turns it off too; said so that a missing attribution is never taken for "nothing stood out".
     */
    public String attributionOffReason() {
        if (Boolean.FALSE.equals(attribution) || countersOrDefault()) return null;
        return "attribution is off too: statements and functions are profiled with the counters, which "
                + "--no-counters (or counters=off) turned off; add --no-attribution (attribution=off) to say both are meant";
    }

    /** True when the suite says the two sides of an A/B must give the same results. */
    public boolean resultsMustMatch() {
        return "must-match".equals(results);
    }

    public int scaleOrDefault() {
        return scale == null ? Defaults.SCALE : scale;
    }

    /** These settings with every field that {@code other} declares replaced by its value. */
    public Settings overriddenBy(Settings other) {
        return new Settings(pick(other.iterations, iterations), pick(other.warmup, warmup), pick(other.unit, unit),
                pick(other.direction, direction), pick(other.isolation, isolation), pick(other.timeout, timeout),
                pick(other.metric, metric), pick(other.seed, seed), pick(other.scale, scale),
                pick(other.failThreshold, failThreshold), pick(other.warnThreshold, warnThreshold),
                pick(other.alpha, alpha), pick(other.vacuum, vacuum), pick(other.counters, counters),
                pick(other.attribution, attribution), pick(other.results, results),
                pick(other.driftBudget, driftBudget), pick(other.detect, detect));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /**
     * These settings plus {@code key=value}; throws a {@link SuiteException} naming the file and line for an
     * unknown key or a bad value.
     */
    public Settings with(String key, String value, String file, int line) {
        String v = value.trim();
        Builder b = new Builder(this);
        switch (key) {
            case "iterations" -> b.iterations = whole(key, v, 1, MAX_ITERATIONS, file, line);
            case "warmup" -> b.warmup = whole(key, v, 0, MAX_ITERATIONS, file, line);
            case "unit" -> b.unit = nonBlank(key, v, file, line);
            case "direction" -> b.direction = oneOf(Direction.class, key, v, file, line);
            case "isolation" -> b.isolation = oneOf(Isolation.class, key, v, file, line);
            case "timeout" -> b.timeout = duration(v, file, line);
            case "metric" -> b.metric = oneOf(Metric.class, key, v, file, line);
            case "seed" -> b.seed = (long) whole(key, v, 0, Integer.MAX_VALUE, file, line);
            case "scale" -> b.scale = whole(key, v, 1, MAX_SCALE, file, line);
            case "fail_threshold" -> b.failThreshold = threshold(key, v, file, line);
            case "warn_threshold" -> b.warnThreshold = threshold(key, v, file, line);
            case "alpha" -> b.alpha = fraction(key, v, file, line);
            case "vacuum" -> b.vacuum = onOff(key, v, file, line);
            case "counters" -> b.counters = onOff(key, v, file, line);
            case "attribution" -> b.attribution = onOff(key, v, file, line);
            case "results" -> {
                if (!v.equals("must-match") && !v.equals("may-differ")) {
                    throw new SuiteException(file, line, "results=" + v + ": use must-match or may-differ");
                }
                b.results = v;
            }
            case "drift_budget" -> b.driftBudget = threshold(key, v, file, line);
            case "detect" -> b.detect = fraction(key, v, file, line);
            default -> throw new SuiteException(file, line, "unknown setting '" + key + "': use one of "
                    + String.join(", ", KEYS.stream().sorted().toList()));
        }
        return b.build();
    }

    /**
     * Settings given on the command line, each checked against the same bounds as in a suite file and named by its
     * option in messages; a {@code null} value is not given.
     */
    public static Settings fromOptions(Integer iterations, Integer warmup, Integer scale, Long seed, Boolean counters) {
        return fromOptions(iterations, warmup, scale, seed, counters, null);
    }

    /** As {@link #fromOptions(Integer, Integer, Integer, Long, Boolean)}, with attribution on or off. */
    public static Settings fromOptions(Integer iterations, Integer warmup, Integer scale, Long seed, Boolean counters,
                                       Boolean attribution) {
        Builder b = new Builder(EMPTY);
        b.counters = counters;
        b.attribution = attribution;
        if (iterations != null) b.iterations = bounded("--iterations", iterations, 1, MAX_ITERATIONS);
        if (warmup != null) b.warmup = bounded("--warmup", warmup, 0, MAX_ITERATIONS);
        if (scale != null) b.scale = bounded("--scale", scale, 1, MAX_SCALE);
        if (seed != null) {
            if (seed < 0) throw new SuiteException("--seed", 0, seed + " is negative: give a whole number >= 0");
            b.seed = seed;
        }
        return b.build();
    }

    /** The most iterations a benchmark may ask for: a million samples are ~8 MB per run, far beyond any need. */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** The largest data-set multiplier: beyond it the suite's parameter bounds could overflow. */
    public static final int MAX_SCALE = 1_000_000;

    private static int bounded(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SuiteException(option, 0, value + " is out of range: give a whole number from " + min + " to "
                    + String.format(Locale.ROOT, "%,d", max));
        }
        return value;
    }

    /** The fields of a {@link Settings}, set one key at a time. */
    private static final class Builder {
        Integer iterations;
        Integer warmup;
        String unit;
        Direction direction;
        Isolation isolation;
        Duration timeout;
        Metric metric;
        Long seed;
        Integer scale;
        Double failThreshold;
        Double warnThreshold;
        Double alpha;
        Boolean vacuum;
        Boolean counters;
        Boolean attribution;
        String results;
        Double driftBudget;
        Double detect;

        Builder(Settings s) {
            iterations = s.iterations;
            warmup = s.warmup;
            unit = s.unit;
            direction = s.direction;
            isolation = s.isolation;
            timeout = s.timeout;
            metric = s.metric;
            seed = s.seed;
            scale = s.scale;
            failThreshold = s.failThreshold;
            warnThreshold = s.warnThreshold;
            alpha = s.alpha;
            vacuum = s.vacuum;
            counters = s.counters;
            attribution = s.attribution;
            results = s.results;
            driftBudget = s.driftBudget;
            detect = s.detect;
        }

        Settings build() {
            return new Settings(iterations, warmup, unit, direction, isolation, timeout, metric, seed, scale,
                    failThreshold, warnThreshold, alpha, vacuum, counters, attribution, results, driftBudget,
                    detect);
        }
    }

    /** A share strictly between 0 and 1 ({@link Shares#fraction}), refused with the file and line. */
    public static double fraction(String key, String v, String file, int line) {
        try {
            return Shares.fraction(v);
        } catch (IllegalArgumentException e) {
            throw new SuiteException(file, line, key + "=" + v + " " + e.getMessage());
        }
    }

    /** A slowdown threshold ({@link Shares#threshold}), refused with the file and line. */
    public static double threshold(String key, String v, String file, int line) {
        try {
            return Shares.threshold(v);
        } catch (IllegalArgumentException e) {
            throw new SuiteException(file, line, key + "=" + v + " " + e.getMessage());
        }
    }

    private static int whole(String key, String v, int min, int max, String file, int line) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SuiteException(file, line, key + "=" + v + " is not a whole number from " + min + " to "
                + String.format(Locale.ROOT, "%,d", max));
    }

    private static boolean onOff(String key, String v, String file, int line) {
        if (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) return false;
        throw new SuiteException(file, line, key + "=" + v + " is not allowed: use on or off");
    }

    private static String nonBlank(String key, String v, String file, int line) {
        if (v.isEmpty()) throw new SuiteException(file, line, key + " is empty: give a value, e.g. " + key + "=ms");
        return v;
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String key, String v, String file, int line) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) return e;
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) names.append(names.length() == 0 ? "" : " or ").append(
                e.name().toLowerCase(Locale.ROOT));
        throw new SuiteException(file, line, key + "=" + v + " is not allowed: use " + names);
    }

    private static Duration duration(String v, String file, int line) {
        Duration d = Durations.parse(v);
        // PostgreSQL's statement_timeout is an int of milliseconds: refuse more here, not at run time.
        if (d != null && d.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0) {
            throw new SuiteException(file, line, "timeout=" + v + " is too long: PostgreSQL allows at most "
                    + MAX_TIMEOUT_MILLIS + "ms (about 24 days)");
        }
        if (d == null || d.isZero()) {
            throw new SuiteException(file, line, "timeout=" + v + " is not a duration: write " + Durations.EXAMPLES);
        }
        return d;
    }

    /** The longest {@code statement_timeout} PostgreSQL accepts: {@code INT_MAX} milliseconds. */
    static final long MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;
}
