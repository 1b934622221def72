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
 */
public record Settings(Integer iterations, Integer warmup, String unit, Direction direction, Isolation isolation,
                       Duration timeout, Metric metric, Long seed, Integer scale) {

    public static final Settings EMPTY = new Settings(null, null, null, null, null, null, null, null, null);

    public static final int DEFAULT_ITERATIONS = 30;
    public static final int DEFAULT_WARMUP = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_SCALE = 1;

    static final Set<String> KEYS =
            Set.of("iterations", "warmup", "unit", "direction", "isolation", "timeout", "metric", "seed", "scale");

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

    public int scaleOrDefault() {
        return scale == null ? DEFAULT_SCALE : scale;
    }

    /** These settings with every field that {@code other} declares replaced by its value. */
    public Settings overriddenBy(Settings other) {
        return new Settings(pick(other.iterations, iterations), pick(other.warmup, warmup), pick(other.unit, unit),
                pick(other.direction, direction), pick(other.isolation, isolation), pick(other.timeout, timeout),
                pick(other.metric, metric), pick(other.seed, seed), pick(other.scale, scale));
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
        return switch (key) {
            case "iterations" -> new Settings(positive(key, v, 1, file, line), warmup, unit, direction, isolation,
                    timeout, metric, seed, scale);
            case "warmup" -> new Settings(iterations, positive(key, v, 0, file, line), unit, direction, isolation,
                    timeout, metric, seed, scale);
            case "unit" -> new Settings(iterations, warmup, nonBlank(key, v, file, line), direction, isolation,
                    timeout, metric, seed, scale);
            case "direction" -> new Settings(iterations, warmup, unit, oneOf(Direction.class, key, v, file, line),
                    isolation, timeout, metric, seed, scale);
            case "isolation" -> new Settings(iterations, warmup, unit, direction,
                    oneOf(Isolation.class, key, v, file, line), timeout, metric, seed, scale);
            case "timeout" -> new Settings(iterations, warmup, unit, direction, isolation, duration(v, file, line),
                    metric, seed, scale);
            case "metric" -> new Settings(iterations, warmup, unit, direction, isolation, timeout,
                    oneOf(Metric.class, key, v, file, line), seed, scale);
            case "seed" -> new Settings(iterations, warmup, unit, direction, isolation, timeout, metric,
                    (long) positive(key, v, 0, file, line), scale);
            case "scale" -> new Settings(iterations, warmup, unit, direction, isolation, timeout, metric, seed,
                    positive(key, v, 1, file, line));
            default -> throw new SuiteException(file, line, "unknown setting '" + key + "': use one of "
                    + String.join(", ", KEYS.stream().sorted().toList()));
        };
    }

    private static int positive(String key, String v, int min, String file, int line) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SuiteException(file, line, key + "=" + v + " is not a whole number >= " + min);
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
            long n = Long.parseLong(m.group(1));
            String u = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (u) {
                case "ms" -> Duration.ofMillis(n);
                case "min" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            if (!d.isZero()) return d;
        }
        throw new SuiteException(file, line, "timeout=" + v + " is not a duration: write e.g. timeout=30s or 500ms");
    }
}
