package dev.perfgate.suite;

import dev.perfgate.model.Direction;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public record Settings(Integer iterations, Integer warmup, String unit, Direction direction, Isolation isolation,
                       Duration timeout, Metric metric, Long seed, Integer scale, Double failThreshold,
                       Double warnThreshold, Double alpha, Boolean vacuum, Boolean counters) {

    public static final Settings EMPTY =
            new Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public static final int DEFAULT_ITERATIONS = 30;
    /** Six, so PostgreSQL's custom-or-generic plan choice (made at the sixth execution) happens before timing. */
    public static final int DEFAULT_WARMUP = 6;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_SCALE = 1;

    static final Set<String> KEYS = Set.of("iterations", "warmup", "unit", "direction", "isolation", "timeout",
            "metric", "seed", "scale", "fail_threshold", "warn_threshold", "alpha", "vacuum", "counters");

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min)?");

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
        return iterations == null ? DEFAULT_ITERATIONS : iterations;
    }

    public int warmupOrDefault() {
        return warmup == null ? DEFAULT_WARMUP : warmup;
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
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    public boolean vacuumOrDefault() {
        return vacuum == null || vacuum;
    }

    public boolean countersOrDefault() {
        return counters == null || counters;
    }

    public int scaleOrDefault() {
        return scale == null ? DEFAULT_SCALE : scale;
    }

    /** These settings with every field that {@code other} declares replaced by its value. */
    public Settings overriddenBy(Settings other) {
        return new Settings(pick(other.iterations, iterations), pick(other.warmup, warmup), pick(other.unit, unit),
                pick(other.direction, direction), pick(other.isolation, isolation), pick(other.timeout, timeout),
                pick(other.metric, metric), pick(other.seed, seed), pick(other.scale, scale),
                pick(other.failThreshold, failThreshold), pick(other.warnThreshold, warnThreshold),
                pick(other.alpha, alpha), pick(other.vacuum, vacuum), pick(other.counters, counters));
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
        Builder b = new Builder(EMPTY);
        b.counters = counters;
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
        }

        Settings build() {
            return new Settings(iterations, warmup, unit, direction, isolation, timeout, metric, seed, scale,
                    failThreshold, warnThreshold, alpha, vacuum, counters);
        }
    }

    /**
     * A share written as a percentage ({@code 10%}) or a fraction ({@code 0.10}), strictly between 0 and 1. A bare
     * number above 1 is refused rather than guessed at.
     */
    public static double fraction(String key, String v, String file, int line) {
        try {
            boolean percent = v.endsWith("%");
            double x = Double.parseDouble(percent ? v.substring(0, v.length() - 1).trim() : v);
            if (percent) x /= 100;
            if (x > 0 && x < 1) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SuiteException(file, line, key + "=" + v + " is not a share between 0 and 1: write e.g. 10% or 0.10");
    }

    /**
     * A slowdown threshold: a percentage of any size ({@code 10%}, {@code 200%}: twice as slow) or a fraction up to 1
     * ({@code 0.10}). A bare number above 1 is refused rather than guessed at (2 could mean 2 % or 200 %).
     */
    public static double threshold(String key, String v, String file, int line) {
        try {
            boolean percent = v.endsWith("%");
            double x = Double.parseDouble(percent ? v.substring(0, v.length() - 1).trim() : v);
            if (percent && x > 0 && x <= 1_000_000) return x / 100;
            if (!percent && x > 0 && x <= 1) return x;
            if (!percent && x > 1) {
                throw new SuiteException(file, line, key + "=" + v + " is ambiguous: write a percentage (e.g. "
                        + "200%) or a fraction up to 1 (e.g. 0.10)");
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SuiteException(file, line, key + "=" + v + " is not a positive share: write e.g. 10% or 0.10");
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
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            String u = m.group(2) == null ? "s" : m.group(2);
            long perUnit = switch (u) {
                case "ms" -> 1;
                case "min" -> 60_000;
                default -> 1000;
            };
            String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
            // PostgreSQL's statement_timeout is an int of milliseconds: refuse more here, not at run time.
            if (digits.length() > 10 || Long.parseLong(digits) * perUnit > MAX_TIMEOUT_MILLIS) {
                throw new SuiteException(file, line, "timeout=" + v + " is too long: PostgreSQL allows at most "
                        + MAX_TIMEOUT_MILLIS + "ms (about 24 days)");
            }
            Duration d = Duration.ofMillis(Long.parseLong(digits) * perUnit);
            if (!d.isZero()) return d;
        }
        throw new SuiteException(file, line, "timeout=" + v + " is not a duration: write e.g. timeout=30s or 500ms");
    }

    /** The longest {@code statement_timeout} PostgreSQL accepts: {@code INT_MAX} milliseconds. */
    static final long MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;
}
