package dev.perfgate.format;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Durations} reads a length of time as people write it: a whole number with {@code ms}, {@code s},
 * {@code min} or {@code h}, or a bare number of seconds. The one parser of durations, for options
 * ({@code --max-time}) and suite settings ({@code timeout=}) alike.
 */
public final class Durations {

    /** How to write one, for messages. */
    public static final String EXAMPLES = "e.g. 30s, 500ms, 10min or 1h";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

    private Durations() {
    }

    /** Longer than anything perfgate accepts: what a number too long to read stands for. */
    private static final Duration UNREADABLY_LONG = Duration.ofSeconds(Long.MAX_VALUE);

    /**
     * The duration {@code text} writes, or null when it writes none (empty, negative, another unit). A number too
     * long to read gives a duration longer than any bound, so the caller says "too long", not "not a duration".
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) return null;
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 12) return UNREADABLY_LONG;
        long n = Long.parseLong(digits);
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
