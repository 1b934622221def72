package dev.perfgate.analysis;

import java.util.Locale;

/** How p-values are corrected for testing many benchmarks in one run ({@code --correction holm|none}). */
public enum Correction {
    /** Holm's step-down family-wise correction (the default). */
    HOLM,
    /** No correction: each benchmark's p-value stands alone. */
    NONE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code "holm"} / {@code "none"} (any case); {@code null} for anything else. */
    public static Correction parse(String text) {
        if (text == null) return null;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "holm" -> HOLM;
            case "none" -> NONE;
            default -> null;
        };
    }
}
