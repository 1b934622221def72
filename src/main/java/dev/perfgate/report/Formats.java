package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.stats.Summary;

/** Cells shared by the human-readable reports, written with {@link Numbers}. */
public final class Formats {

    private Formats() {
    }

    /** The interval as {@code [-1.2%, +3.4%]}; {@code -} when unknown. */
    public static String interval(BenchmarkComparison b) {
        return Numbers.interval(b.ciLow(), b.ciHigh());
    }

    /** A summary's centre with its unit: the median, or the mean for a summary-only baseline. */
    public static String center(Summary s, String unit) {
        if (s == null) return "-";
        double v = Double.isNaN(s.median()) ? s.mean() : s.median();
        return Numbers.number(v) + " " + unit + (Double.isNaN(s.median()) ? " (mean)" : "");
    }
}
