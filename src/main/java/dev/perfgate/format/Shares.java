package dev.perfgate.format;

/**
 * {@code Shares} reads a share as people write it: a percentage ({@code 10%}) or a fraction ({@code 0.10}). The one
 * parser of shares, for options and suite settings alike; the caller names the option or the file and line in the
 * message, this class says what is wrong with the text ({@link IllegalArgumentException}'s message).
 */
public final class Shares {

    private Shares() {
    }

    /** A share strictly between 0 and 1, e.g. a significance level. A bare number above 1 is refused. */
    public static double fraction(String text) {
        try {
            double x = number(text);
            if (x > 0 && x < 1) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a share between 0 and 1: write e.g. 10% or 0.10");
    }

    /**
     * A change threshold: a percentage of any size ({@code 10%}, {@code 200%}: twice as slow) or a fraction up to 1
     * ({@code 0.10}). A bare number above 1 is refused rather than guessed at (2 could mean 2 % or 200 %).
     */
    public static double threshold(String text) {
        String v = text.trim();
        try {
            boolean percent = v.endsWith("%");
            double x = Double.parseDouble(percent ? v.substring(0, v.length() - 1).trim() : v);
            if (percent && x > 0 && x <= 1_000_000) return x / 100;
            if (!percent && x > 0 && x <= 1) return x;
            if (!percent && x > 1) {
                throw new IllegalArgumentException("is ambiguous: write a percentage (e.g. 200%) or a fraction up to 1 "
                        + "(e.g. 0.10)");
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a positive share: write e.g. 10% or 0.10");
    }

    /** A threshold where zero means "none": {@code 0}, {@code 0%} or {@code 0.0} give 0, anything else as above. */
    public static double thresholdOrZero(String text) {
        return text.trim().matches("(0+\\.?0*|\\.0+)%?") ? 0 : threshold(text);
    }

    private static double number(String text) {
        String v = text.trim();
        boolean percent = v.endsWith("%");
        double x = Double.parseDouble(percent ? v.substring(0, v.length() - 1).trim() : v);
        return percent ? x / 100 : x;
    }
}
