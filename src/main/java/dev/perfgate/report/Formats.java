package dev.perfgate.report;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.stats.Summary;

import java.util.Locale;

/** Number formatting shared by the human-readable reports: always {@link Locale#ROOT}, so always a dot. */
public final class Formats {

    private Formats() {
    }

    /** A relative change as a signed percentage, e.g. {@code +12.3%}; {@code -} when unknown. */
    public static String percent(double change) {
        if (Double.isNaN(change)) return "-";
        return String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }

    /** The interval as {@code [-1.2%, +3.4%]}; {@code -} when unknown. */
    public static String interval(BenchmarkComparison b) {
        if (Double.isNaN(b.ciLow()) || Double.isNaN(b.ciHigh())) return "-";
        return "[" + percent(b.ciLow()) + ", " + percent(b.ciHigh()) + "]";
    }

    /** A p-value with enough digits to matter, e.g. {@code 0.041} or {@code <0.001}. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) return "-";
        if (p < 0.001) return "<0.001";
        return String.format(Locale.ROOT, "%.3f", p);
    }

    /** A summary's centre with its unit: the median, or the mean for a summary-only baseline. */
    public static String center(Summary s, String unit) {
        if (s == null) return "-";
        double v = Double.isNaN(s.median()) ? s.mean() : s.median();
        return RunTable.number(v) + " " + unit + (Double.isNaN(s.median()) ? " (mean)" : "");
    }
}
