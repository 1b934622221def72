package dev.perfgate.report;

import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OverallVerdict;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.format.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code Headline} of a comparison, the same in every report and in CI: the word for the outcome (the overall
 * verdict, or "nothing compared" when every benchmark is new), and the one sentence saying what decided it, naming
 * the benchmarks and their changes (CI's annotation is this sentence, so it never states a cause perfgate did not
 * find).
 */
public final class Headline {

    /** The first words of the warning of an A/B check whose base has no suite yet (the change adds it). */
    public static final String NEW_SUITE = "NEW SUITE";

    /** How many benchmarks of a kind the reason names before "and N more". */
    static final int NAMED = 3;

    private Headline() {
    }

    /** {@code NOTHING COMPARED}, or the overall verdict's name ({@code PASS}, {@code WARN}, {@code FAIL}). */
    public static String word(ComparisonReport report) {
        return report.nothingCompared() ? "NOTHING COMPARED" : report.verdict().name();
    }

    /** Why nothing was compared, e.g. {@code no baseline}; null when something was. */
    public static String nothingBecause(ComparisonReport report) {
        if (!report.nothingCompared()) return null;
        if (report.benchmarks().stream().allMatch(BenchmarkComparison::failedAtBase)) return "each benchmark fails at the base";
        // a suite new at the base is compared with nothing, as a run without a baseline is: its warning tells them apart
        boolean newAtBase = report.mode() == ComparisonReport.Mode.AB
                || report.warnings().stream().anyMatch(w -> w.startsWith(NEW_SUITE));
        return newAtBase ? "new at the base" : "no baseline";
    }

    /** What to do when nothing was compared, one sentence; null when something was. */
    public static String nextStep(ComparisonReport report) {
        String because = nothingBecause(report);
        if (because == null) return null;
        if (because.equals("no baseline")) {
            return "Nothing was compared, so this run is neither a pass nor a failure: accept a reviewed baseline "
                    + "(perfgate baseline accept RESULTS --reason TEXT), or compare in one session with "
                    + "check --against REF.";
        }
        if (because.startsWith("each")) {
            return "Nothing was compared: every benchmark fails at the base; fix them at the base, or they are "
                    + "compared from the next change after this one is merged.";
        }
        return "Nothing was compared: the base has none of these benchmarks, so they are new and this change passes; "
                + "the next change is compared with them once this one is merged.";
    }

    /**
     * What decided the verdict, one sentence, e.g. {@code 2 inconclusive (the interval too wide to tell ok from a
     * regression): a -15.7%, b -11.0%}; for a pass, what was compared.
     */
    public static String reason(ComparisonReport report) {
        if (report.nothingCompared()) {
            return "nothing compared (" + nothingBecause(report) + "): " + Numbers.count(report.benchmarks().size(),
                    "benchmark", "benchmarks") + " measured, none judged";
        }
        List<String> parts = new ArrayList<>();
        part(parts, report, b -> b.verdict() == Verdict.REGRESSION, "regression", "regressions",
                "worse beyond the fail threshold, established");
        part(parts, report, b -> b.verdict() == Verdict.INCONCLUSIVE, "inconclusive", "inconclusive",
                "the interval too wide to tell ok from a regression");
        part(parts, report, b -> b.verdict() == Verdict.WARNING, "warning", "warnings",
                "slower beyond the warn threshold, or a regression not established");
        part(parts, report, BenchmarkComparison::failedAtBase, "not compared", "not compared",
                "fails at the base");
        if (report.verdict() != OverallVerdict.PASS && report.environmentMismatch()) {
            parts.add("the environments differ (" + String.join("; ", report.environmentDifferences()) + ")");
        }
        if (parts.isEmpty()) { // a verdict no benchmark explains (e.g. the drift budget's line): point at the warnings
            return report.verdict() == OverallVerdict.PASS ? "no regression: " + counts(report)
                    : report.verdict().jsonName() + " by the report's warnings, no benchmark beyond its thresholds: "
                    + counts(report);
        }
        return String.join("; ", parts);
    }

    /** Every verdict's count, e.g. {@code 3 ok, 1 new}. */
    static String counts(ComparisonReport report) {
        List<String> counts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            int n = report.withVerdict(v).size();
            if (n > 0) counts.add(n + " " + v.jsonName());
        }
        return counts.isEmpty() ? "no benchmarks" : String.join(", ", counts);
    }

    private static void part(List<String> parts, ComparisonReport report, Predicate<BenchmarkComparison> which,
                             String one, String many, String meaning) {
        List<BenchmarkComparison> these = report.benchmarks().stream().filter(which).toList();
        if (these.isEmpty()) return;
        List<String> named = new ArrayList<>();
        for (BenchmarkComparison b : these.subList(0, Math.min(NAMED, these.size()))) {
            named.add(b.failedAtBase() || Double.isNaN(b.statistics().change().estimate()) ? b.name()
                    : b.name() + " " + Formats.change(b));
        }
        if (these.size() > NAMED) named.add("and " + (these.size() - NAMED) + " more");
        parts.add(these.size() + " " + (these.size() == 1 ? one : many) + " (" + meaning + "): "
                + String.join(", ", named));
    }
}
