package dev.perfgate.report;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable summary {@code baseline accept} writes beside a baseline ({@code baseline.summary.md} beside
 * {@code baseline.json}): who accepted which run, when, from which commit and why, and per benchmark the old and new
 * median, the change with its interval widened for run-to-run noise as a stored-baseline {@code check} widens it,
 * and the exact counters old → new. A reviewer reads this in the pull request instead of the baseline's JSON diff,
 * which holds every raw sample; the first line is what {@code check --against} quotes when a change updates it.
 */
public final class BaselineSummary {

    /** The counters a reviewer reads: they are exact, so any change in them is a change in the work. */
    private static final List<String> COUNTERS = List.of(Counters.SHARED_HIT, Counters.SHARED_READ, Counters.ROWS);

    private BaselineSummary() {
    }

    /** The summary file of the baseline {@code baselineFile}: same folder, {@code NAME.summary.md}. */
    public static Path fileFor(Path baselineFile) {
        String name = baselineFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return baselineFile.resolveSibling(stem + ".summary.md");
    }

    /**
     * The summary, in Markdown.
     *
     * @param old      the baseline replaced; null for the first one
     * @param diff     the comparison {@code accept} showed (old → new), null for the first baseline
     * @param warnings what {@code accept} warned about (e.g. an outlying run), one line each
     */
    public static String render(Baseline accepted, Baseline old, ComparisonReport diff, List<String> warnings) {
        Provenance p = accepted.provenance();
        StringBuilder out = new StringBuilder();
        out.append("# perfgate baseline of suite ").append(code(accepted.run().suite())).append(": ")
                .append(p.reason().replace('\n', ' ')).append("\n\n");
        out.append("Accepted by ").append(orUnknown(p.acceptedBy())).append(" at ")
                .append(p.acceptedAt() == null ? "unknown" : p.acceptedAt().truncatedTo(ChronoUnit.SECONDS))
                .append(" from ").append(code(p.source())).append(p.commit() == null ? ", measured outside a git work tree"
                        : ", measured at commit " + code(p.commit()))
                .append(p.suiteFolder() == null ? " (no anchor)" : " (the anchor, suite folder "
                        + code(p.suiteFolder()) + ")").append(".\n\n");
        Map<String, BenchmarkComparison> changes = new HashMap<>();
        if (diff != null) diff.benchmarks().forEach(b -> changes.put(b.name(), b));
        Map<String, BenchmarkResult> before = new HashMap<>();
        if (old != null) old.run().benchmarks().forEach(b -> before.putIfAbsent(b.name(), b));
        out.append("| benchmark | old median | new median | change (interval) | verdict |");
        COUNTERS.forEach(c -> out.append(' ').append(c).append(old == null ? "" : " (old → new)").append(" |"));
        out.append("\n| --- | ---: | ---: | ---: | --- |");
        COUNTERS.forEach(c -> out.append(" ---: |"));
        out.append('\n');
        for (BenchmarkResult b : accepted.run().benchmarks()) {
            BenchmarkResult was = before.get(b.name());
            BenchmarkComparison change = changes.get(b.name());
            out.append("| ").append(b.name()).append(" | ").append(median(was)).append(" | ").append(median(b))
                    .append(" | ").append(change(change)).append(" | ")
                    .append(was == null ? "new" : change == null ? "-" : change.verdict().jsonName()).append(" |");
            COUNTERS.forEach(c -> out.append(' ').append(counters(was, b, c)).append(" |"));
            out.append('\n');
        }
        if (old != null) {
            out.append("\nThe change is new against old, its interval widened for run-to-run noise as a stored-baseline "
                    + "`check` widens it, so a verdict here is one `check` would give. Counters are per iteration; "
                    + "one number: unchanged.\n");
        }
        if (!warnings.isEmpty()) {
            out.append('\n');
            warnings.forEach(w -> out.append("- ⚠ ").append(w.replace('\n', ' ')).append('\n'));
        }
        out.append("\nWritten by `perfgate baseline accept`; review this file rather than the JSON beside it.\n");
        return out.toString();
    }

    private static String median(BenchmarkResult b) {
        if (b == null) return "-";
        if (b.samples().isEmpty()) return "-";
        return Numbers.number(Summary.of(new Sample(b.sampleArray())).median()) + " " + b.unit();
    }

    private static String change(BenchmarkComparison c) {
        if (c == null || Double.isNaN(c.statistics().change().estimate())) return "-";
        var ch = c.statistics().change();
        return Numbers.percent(ch.estimate()) + (ch.hasInterval() ? " " + Numbers.interval(ch.low(), ch.high()) : "");
    }

    private static String counters(BenchmarkResult was, BenchmarkResult now, String name) {
        double before = perIteration(was, name);
        double after = perIteration(now, name);
        if (Double.isNaN(before) && Double.isNaN(after)) return "-";
        if (Double.isNaN(before) || before == after) return level(after); // new, or unchanged: one number
        return level(before) + " → " + level(after);
    }

    /** A counter per iteration: a whole number as a count, else with its significant digits. */
    private static String level(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Numbers.count((long) v) : Numbers.number(v);
    }

    private static double perIteration(BenchmarkResult b, String name) {
        return b == null || b.counters() == null ? Double.NaN : b.counters().perIteration(name);
    }

    private static String code(String s) {
        return s == null ? "unknown" : "`" + s + "`";
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
