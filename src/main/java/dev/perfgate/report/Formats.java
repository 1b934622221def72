package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.PairAllocation;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.model.AbInfo;
import dev.perfgate.stats.Summary;

/** Cells shared by the human-readable reports, written with {@link Numbers}. */
public final class Formats {

    /** The verdict cell of a benchmark that failed on the base side of an A/B run, in every report. */
    public static final String NOT_COMPARED = "fails at the base: not compared";

    private Formats() {
    }

    /** A benchmark's verdict as the reports name it: its JSON name, or {@link #NOT_COMPARED}. */
    public static String verdict(BenchmarkComparison b) {
        return b.failedAtBase() ? NOT_COMPARED : b.verdict().jsonName();
    }

    /** The interval as {@code [-1.2%, +3.4%]}; {@code -} when unknown. */
    public static String interval(BenchmarkComparison b) {
        return Numbers.interval(b.statistics().change().low(), b.statistics().change().high());
    }

    /** The two sides' names in column headers: {@code baseline}/{@code current}, or {@code base (A)}/{@code candidate (B)}. */
    public static String[] sides(ComparisonReport report) {
        return report.mode() == ComparisonReport.Mode.AB ? new String[]{"base (A)", "candidate (B)"}
                : new String[]{"baseline", "current"};
    }

    /** The smallest slowdown the comparison could tell from no change, e.g. {@code ≥4.1%}; {@code -} when unknown. */
    public static String detectable(BenchmarkComparison b) {
        String reached = Double.isNaN(b.detectable()) ? "-" : "≥" + Numbers.percent(b.detectable()).replace("+", "");
        BenchmarkComparison.Reach reach = b.statistics().reach();
        if (reach == null) return reached;
        boolean cutShort = reach.stopped() != null && !reach.stopped().equals(PairAllocation.Stop.DECIDED.text())
                && !reach.stopped().equals(PairAllocation.Stop.REACHED.text());
        if (reach.target() == null) return cutShort ? reached + " (" + reach.stopped() + ")" : reached;
        String target = "target " + Numbers.share(reach.target());
        return reached + " (" + target + (reach.missed(b.detectable()) && reach.stopped() != null
                ? ", " + reach.stopped() : "") + ")";
    }

    /** The pairs a paired verdict rests on, or {@code -}. */
    public static String pairs(BenchmarkComparison b) {
        return b.statistics().pairs() == null ? "-" : Integer.toString(b.statistics().pairs());
    }

    /**
     * What an A/B report compared, one line, e.g. {@code A/B in one session, iterations interleaved in pairs: base (A)
     * = git HEAD~1 (3f2a9c1d2e), candidate (B) = work tree at 4b5c6d7e8f}; null for a comparison with a baseline.
     */
    public static String abLine(ComparisonReport report) {
        if (report.mode() != ComparisonReport.Mode.AB) return null;
        AbInfo ab = report.ab();
        String base = ab == null || ab.base() == null ? "?" : ab.base().describe();
        String candidate = ab == null || ab.candidate() == null ? "?" : ab.candidate().describe();
        return "A/B in one session, iterations interleaved in pairs: base (A) = " + base + ", candidate (B) = "
                + candidate;
    }

    /** The counters' verdict of a benchmark, e.g. {@code ok} or {@code regression}; {@code -} when not compared. */
    public static String counterVerdict(BenchmarkComparison b) {
        return b.counters() == null ? "-" : b.counters().verdict().jsonName()
                + (b.counters().planChanged() ? ", plan changed" : "");
    }

    /** The change, positive = worse, as {@code +12.3%}; {@code -} when unknown. */
    public static String change(BenchmarkComparison b) {
        return Numbers.percent(b.statistics().change().estimate());
    }

    /** The baseline's (base's) centre with its unit: {@link #center}. */
    public static String baseline(BenchmarkComparison b) {
        return center(b.sides().baseline(), b.sides().unit());
    }

    /** The current run's (candidate's) centre with its unit: {@link #center}. */
    public static String current(BenchmarkComparison b) {
        return center(b.sides().current(), b.sides().unit());
    }

    /** A summary's centre with its unit: the median, or the mean for a summary-only baseline. */
    public static String center(Summary s, String unit) {
        if (s == null) return "-";
        double v = Double.isNaN(s.median()) ? s.mean() : s.median();
        return Numbers.number(v) + " " + unit + (Double.isNaN(s.median()) ? " (mean)" : "");
    }
}
