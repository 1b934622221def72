package dev.perfgate.format;

import java.util.Locale;

/**
 * How perfgate writes numbers for people, in every report, note and terminal line: always {@link Locale#ROOT} (a
 * dot, whatever the machine's locale), a percentage as {@code +12.3%}, a p-value as {@code 0.041} or
 * {@code <0.001}, a measurement with four significant digits. One place, so the terminal and every report agree.
 */
public final class Numbers {

    private Numbers() {
    }

    /** A relative change as a signed percentage with one decimal, e.g. {@code +12.3%}; {@code -} when unknown. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) return "-";
        String s = String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
        return s.equals("-0.0%") || s.equals("+0.0%") ? "0.0%" : s;
    }

    /** A share without a sign, e.g. {@code 10%} or {@code 2.5%} (thresholds, spreads); {@code -} when unknown. */
    public static String share(double fraction) {
        if (Double.isNaN(fraction)) return "-";
        String s = String.format(Locale.ROOT, "%.1f", 100 * fraction);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    /** An interval of relative changes, e.g. {@code [-1.2%, +3.4%]}; {@code -} when either end is unknown. */
    public static String interval(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) return "-";
        return "[" + percent(low) + ", " + percent(high) + "]";
    }

    /** A p-value with enough digits to matter: {@code 0.041}, {@code <0.001}; {@code -} when unknown. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) return "-";
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A p-value in a sentence: {@code p = 0.041} or {@code p < 0.001}. */
    public static String pIs(double p) {
        if (Double.isNaN(p)) return "p unknown";
        return p < 0.001 ? "p < 0.001" : "p = " + pValue(p);
    }

    /**
     * A p-value and the threshold it did not reach, with the same number of decimals, enough to tell them apart
     * (3 to 6): {@code 0.0042} and {@code 0.0040}, where {@link #pValue} gives {@code 0.004} beside a threshold that
     * would read {@code 0.004} too.
     */
    public static String[] pAgainst(double p, double threshold) {
        String a = null;
        String b = null;
        for (int decimals = 3; decimals <= 6; decimals++) {
            a = String.format(Locale.ROOT, "%." + decimals + "f", p);
            b = String.format(Locale.ROOT, "%." + decimals + "f", threshold);
            if (!a.equals(b)) break;
        }
        return new String[]{a, b};
    }

    /** A measurement with four significant digits, fixed-point ({@code 12015}, {@code 91.86}, {@code 0.2258}). */
    public static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double abs = Math.abs(v);
        int decimals = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : abs >= 1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A count with thousands separators, e.g. {@code 2,013}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 benchmark}, {@code 2 benchmarks}: a count and its noun, plural when it is not one. */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /** The confidence level of an interval at significance {@code alpha} in whole percent: 0.05 gives 95. */
    public static int confidencePercent(double alpha) {
        return (int) Math.round(100 * (1 - alpha));
    }
}
