package dev.perfgate.report;

import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * How the human-readable reports say where a benchmark's change went ({@link Attribution}): one sentence per
 * benchmark, statements shortened to a line (JSON and HTML keep them whole).
 */
public final class AttributionText {

    /** Longest statement text in a sentence; the JSON and HTML reports have it whole. */
    public static final int MAX_TEXT = 80;

    private AttributionText() {
    }

    /** The attribution of a benchmark worth a line: it changed (regression, warning, improvement) and was profiled. */
    public static Attribution shown(BenchmarkComparison b) {
        if (b.counters() == null || b.counters().attribution() == null) return null;
        Verdict v = b.verdict();
        Attribution a = b.counters().attribution();
        boolean changed = v == Verdict.REGRESSION || v == Verdict.WARNING || v == Verdict.IMPROVEMENT;
        return changed || !a.plans().isEmpty() ? a : null;
    }

    /**
     * E.g. {@code 87% of the added time: function tv_product_build(integer) self time 0.1100 -> 0.2000 ms per call,
     * 1 call per iteration; ...}, or {@link Attribution#NOTHING}; plan changes named after.
     */
    public static String sentence(Attribution a, int maxText) {
        List<String> parts = new ArrayList<>();
        String what = a.changeMillis() >= 0 ? "added" : "saved";
        for (Attribution.Share s : a.shares()) parts.add(share(s, what, maxText));
        String out = parts.isEmpty() ? Attribution.NOTHING : String.join("; ", parts);
        if (a.more() > 0) out += "; " + Numbers.count(a.more(), "more stands out", "more stand out");
        for (Attribution.PlanChange p : a.plans()) out += "; plan changed: " + shorten(p.text(), maxText);
        for (String limit : a.limits()) out += "; " + limit;
        return out;
    }

    /** One share, e.g. {@code 87% of the added time: function f(integer) self time 0.11 -> 0.20 ms per call, ...}. */
    public static String share(Attribution.Share s, String what, int maxText) {
        // a part measured on its own can come out above the whole (each is estimated with its own noise): say "all"
        String pct = Double.isNaN(s.share()) ? Numbers.number(s.changeMillis()) + " ms per iteration"
                : s.share() >= 1 ? "all of the " + what + " time (" + Numbers.share(s.share()) + " as measured)"
                : Numbers.share(s.share()) + " of the " + what + " time";
        String name = s.kind().equals(Profile.FUNCTION) ? "function " + s.text() + " self time"
                : (s.toplevel() ? "statement " : "nested statement ") + "`" + shorten(s.text(), maxText) + "`";
        String calls = Math.abs(s.callsBefore() - s.callsAfter()) < 1e-9
                ? count(s.callsAfter()) + " per iteration"
                : "calls per iteration " + calls(s.callsBefore()) + " -> " + calls(s.callsAfter());
        String perCall = Double.isNaN(s.beforeMillisPerCall()) ? "new, " + Numbers.number(s.afterMillisPerCall())
                : Double.isNaN(s.afterMillisPerCall()) ? "gone, was " + Numbers.number(s.beforeMillisPerCall())
                : Numbers.number(s.beforeMillisPerCall()) + " -> " + Numbers.number(s.afterMillisPerCall());
        return pct + ": " + name + " " + perCall + " ms per call, " + calls + " (noise ±"
                + Numbers.number(s.noiseMillis()) + " ms per iteration)";
    }

    /** A statement on one line, at most {@code max} characters. */
    public static String shorten(String text, int max) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    private static String count(double calls) {
        return calls == Math.rint(calls) ? Numbers.count((long) calls, "call", "calls") : calls(calls) + " calls";
    }

    /** Calls per iteration: whole when whole ({@code 1,000}), else as a measurement. */
    private static String calls(double calls) {
        return calls == Math.rint(calls) ? Numbers.count((long) calls) : Numbers.number(calls);
    }
}
