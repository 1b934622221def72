package dev.perfgate.analysis;

import dev.perfgate.model.AbInfo;

import java.util.List;

/**
 * A {@code ComparisonReport} is the outcome of comparing a current run with a baseline: what the reports
 * render and what the CLI's exit code is decided from.
 *
 * @param verdict                overall: {@code FAIL} on any regression, {@code WARN} on any warning or
 *                               inconclusive benchmark, else {@code PASS}
 * @param quick                  low confidence: quick mode, or fewer than the policy's minimum iterations
 * @param environmentMismatch    both environment fingerprints are known and differ
 * @param environmentDifferences which facts differ, e.g. {@code java: "17.0.2" vs "21.0.1"}
 * @param warnings               report-level warnings, to be shown prominently
 * @param benchmarks             in the current run's order, then those only in the baseline
 * @param policy                 the policy the verdicts were decided by
 * @param mode                   what the current run was compared with
 * @param ab                     in A/B mode, which versions ran as base and candidate; {@code null} otherwise
 */
public record ComparisonReport(OverallVerdict verdict, boolean quick, boolean environmentMismatch,
                               List<String> environmentDifferences, List<String> warnings,
                               List<BenchmarkComparison> benchmarks, Policy policy, Mode mode, AbInfo ab) {

    /** What a run was compared with. */
    public enum Mode {
        /** A stored run: a baseline file or a results file. */
        BASELINE,
        /** The base version measured in the same session, iterations interleaved in pairs. */
        AB;

        /** The name in {@code perfgate-comparison/1}: {@code "baseline"} or {@code "ab"}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ComparisonReport {
        environmentDifferences = List.copyOf(environmentDifferences);
        warnings = List.copyOf(warnings);
        benchmarks = List.copyOf(benchmarks);
        if (mode == null) mode = Mode.BASELINE;
    }

    /** A comparison with a stored baseline. */
    public ComparisonReport(OverallVerdict verdict, boolean quick, boolean environmentMismatch,
                            List<String> environmentDifferences, List<String> warnings,
                            List<BenchmarkComparison> benchmarks, Policy policy) {
        this(verdict, quick, environmentMismatch, environmentDifferences, warnings, benchmarks, policy, Mode.BASELINE,
                null);
    }

    /** This report with one more report-level warning. */
    public ComparisonReport withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ComparisonReport(verdict, quick, environmentMismatch, environmentDifferences, all, benchmarks, policy,
                mode, ab);
    }

    /**
     * True when nothing was compared: every benchmark is new (no baseline yet, a suite new at the base, or each one
     * failing at the base). Such a check passes (a first run must not go red), but it is no pass: the reports and
     * CI say "nothing compared" instead.
     */
    public boolean nothingCompared() {
        return verdict != OverallVerdict.FAIL && !benchmarks.isEmpty()
                && benchmarks.stream().allMatch(b -> b.verdict() == Verdict.NEW);
    }

    /** This report with {@code replaced} for its benchmarks and {@code overall} for its verdict. */
    public ComparisonReport with(OverallVerdict overall, List<BenchmarkComparison> replaced) {
        return new ComparisonReport(overall, quick, environmentMismatch, environmentDifferences, warnings, replaced,
                policy, mode, ab);
    }

    /** True when some benchmark's counters were compared. */
    public boolean hasCounters() {
        return benchmarks.stream().anyMatch(b -> b.counters() != null);
    }

    /** True when the policy is strict about environments and they differ: the CLI must exit 2. */
    public boolean strictEnvironmentViolated() {
        return policy.strictEnvironment() && environmentMismatch;
    }

    /** The benchmarks with the given verdict, in report order. */
    public List<BenchmarkComparison> withVerdict(Verdict verdict) {
        return benchmarks.stream().filter(b -> b.verdict() == verdict).toList();
    }
}
