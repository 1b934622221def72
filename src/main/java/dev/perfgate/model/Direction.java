package dev.perfgate.model;

import java.util.Locale;

/** Which way is better for a metric: latency is {@code LOWER}, a speedup ratio or throughput is {@code HIGHER}. */
public enum Direction {
    LOWER,
    HIGHER;

    /** The name used in results files: {@code "lower"} or {@code "higher"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code "lower"} / {@code "higher"} (any case); {@code null} for anything else. */
    public static Direction parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "lower" -> LOWER;
            case "higher" -> HIGHER;
            default -> null;
        };
    }
}
