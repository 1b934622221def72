package dev.perfgate.report;

import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * How the human-readable reports say where a benchmark's change went ({@link Attribution}): a line per share,
 * indented as the call tree (or one sentence, for a JUnit message), statements shortened to a line (JSON and HTML keep
 * them whole).
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

    /** One line of an attribution, {@code depth} levels in (0: the benchmark's own line). */
    public record Line(int depth, String text) {
    }

    /**
     * The attribution as lines, for the text and Markdown reports: the change per iteration on the benchmark's line,
     * then one line per share, each indented under the nearest of its callers that is given too, then what more
     * stood out, the plan changes and the limits. Without shares, one line ({@link #sentence}).
     */
    public static List<Line> lines(Attribution a, int maxText) {
        if (a.shares().isEmpty()) return List.of(new Line(0, sentence(a, maxText)));
        List<Line> out = new ArrayList<>();
        String head = Numbers.number(a.changeMillis()) + " ms per iteration";
        if (a.changeMillis() > 0) head = "+" + head;
        if (a.grossMillis() > Math.abs(a.changeMillis()) * 1.0005) {
            head += " net; the parts that got " + (a.changeMillis() >= 0 ? "slower " : "faster ") + what(a) + " "
                    + Numbers.number(a.grossMillis()) + " ms, the shares are of that";
        }
        out.add(new Line(0, head + ":"));
        for (Attribution.Share s : a.shares()) out.add(new Line(1 + s.depth(), share(s, what(a), maxText)));
        String tail = tail(a, maxText);
        if (!tail.isEmpty()) out.add(new Line(1, tail));
        return out;
    }

    /**
     * The attribution in one sentence (the JUnit failure message): e.g. {@code 87% of the added time: function
     * tv_product_build(integer) self time 0.1100 -> 0.2000 ms per call, 1 call per iteration; ...}, or
     * {@link Attribution#NOTHING}; plan changes named after.
     */
    public static String sentence(Attribution a, int maxText) {
        List<String> parts = new ArrayList<>();
        for (Attribution.Share s : a.shares()) parts.add(share(s, what(a), maxText));
        String out = parts.isEmpty() ? Attribution.NOTHING : String.join("; ", parts);
        String tail = tail(a, maxText);
        return tail.isEmpty() ? out : out + "; " + tail;
    }

    private static String what(Attribution a) {
        return a.changeMillis() >= 0 ? "added" : "saved";
    }

    /** What more stood out, the plan changes and the limits, joined by {@code ;}. */
    private static String tail(Attribution a, int maxText) {
        List<String> parts = new ArrayList<>();
        if (a.more() > 0) parts.add(Numbers.count(a.more(), "more stands out", "more stand out"));
        for (Attribution.PlanChange p : a.plans()) parts.add("plan changed: " + shorten(p.text(), maxText));
        parts.addAll(a.limits());
        return String.join("; ", parts);
    }

    /**
     * One share, e.g. {@code 87% of the added time: function f(integer) self time 0.11 -> 0.20 ms per call, ...}, or
     * for an offset {@code offset, took back 12% of the added time: ...}; its caller named when not given above it.
     */
    public static String share(Attribution.Share s, String what, int maxText) {
        String pct = s.offset() ? "offset, took back " + Numbers.share(-s.share()) + " of the " + what + " time"
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
                + Numbers.number(s.noiseMillis()) + " ms per iteration)" + where(s, maxText);
    }

    /** Its caller, when not shown above it: {@code , under function f()}, {@code , under `UPDATE ...`}, not placed. */
    public static String where(Attribution.Share s, int maxText) {
        if (s.depth() > 0) return "";
        if (!s.placed()) return ", not placed";
        if (s.parent() == null) return "";
        return ", under " + (s.parent().kind().equals(Profile.FUNCTION) ? "function " + s.parent().text()
                : "`" + shorten(s.parent().text(), maxText / 2) + "`");
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
