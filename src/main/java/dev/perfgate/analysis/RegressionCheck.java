package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Comparison;
import dev.perfgate.stats.Holm;
import dev.perfgate.stats.RelativeChange;

/**
 * {@code RegressionCheck} compares a current run with a baseline under a {@link Policy}: per benchmark a robust
 * change estimate with its interval and test ({@link BenchmarkPair}), p-values corrected across the run, a
 * verdict by {@link VerdictRule}, and the run-level guards (environment mismatch, quick mode). Pure: no I/O.
 */
public final class RegressionCheck {

    private RegressionCheck() {
    }

    /** Compares {@code current} with {@code baseline}; never throws on odd data, it reports it instead. */
    public static ComparisonReport compare(RunResult baseline, RunResult current, Policy policy) {
        return compare(baseline, current, policy, Map.of());
    }

    /**
     * As {@link #compare(RunResult, RunResult, Policy)}, with each benchmark's interval widened to cover the
     * run-to-run noise its history shows ({@link RunNoise}: benchmark name to log-scale sigma of run medians).
     */
    public static ComparisonReport compare(RunResult baseline, RunResult current, Policy policy,
                                           Map<String, Double> runNoise) {
        boolean quickRun = current.settings() != null && current.settings().quick();
        Map<String, BenchmarkResult> baselineByName = new LinkedHashMap<>();
        for (BenchmarkResult b : baseline.benchmarks()) baselineByName.putIfAbsent(b.name(), b);
        List<BenchmarkPair> pairs = new ArrayList<>();
        for (BenchmarkResult c : current.benchmarks()) {
            pairs.add(BenchmarkPair.of(baselineByName.remove(c.name()), c, quickRun, policy));
        }
        for (BenchmarkResult b : baselineByName.values()) pairs.add(BenchmarkPair.of(b, null, quickRun, policy));

        double[] adjusted = correct(pairs, policy.correction());
        // with nothing to compare with there is no baseline environment to miss: no warning about it
        EnvironmentCheck.Result environment = baseline.benchmarks().isEmpty() ? EnvironmentCheck.Result.NONE
                : EnvironmentCheck.compare(baseline, current);
        List<BenchmarkComparison> results = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            results.add(judge(pairs.get(i), adjusted[i], environment, policy,
                    runNoise.getOrDefault(pairs.get(i).name(), Double.NaN)));
        }
        boolean quick = quickRun || pairs.stream().anyMatch(BenchmarkPair::quick);
        List<String> warnings = reportWarnings(quick, quickRun, environment, policy);
        if (baseline.suite() != null && current.suite() != null && !baseline.suite().equals(current.suite())
                && !baseline.benchmarks().isEmpty()) {
            warnings.add(0, "the baseline is of suite " + baseline.suite() + ", this run of suite " + current.suite()
                    + ": is it the right baseline?");
        }
        return new ComparisonReport(overall(results, policy), quick, environment.mismatch(),
                environment.differences(), warnings, results, policy);
    }

    /**
     * Compares the two sides of a same-session A/B run ({@code check --against}): each benchmark's samples pair up
     * (sample i of both ran back to back), so the change is the paired Hodges-Lehmann estimate of the log ratio
     * with the Wilcoxon signed-rank test ({@link Comparison#paired}), each benchmark spending the share of the error
     * budget its number of passes allows ({@link Looks}), Holm across benchmarks. There is no run-to-run noise to
     * cover and no machine-speed guard: both sides ran on the same machine at the same moments.
     */
    public static ComparisonReport comparePaired(RunResult base, RunResult candidate, Policy policy) {
        AbInfo ab = candidate.ab();
        boolean quickRun = candidate.settings() != null && candidate.settings().quick();
        Map<String, BenchmarkResult> baseByName = new LinkedHashMap<>();
        for (BenchmarkResult b : base.benchmarks()) baseByName.putIfAbsent(b.name(), b);
        List<BenchmarkPair> pairs = new ArrayList<>();
        for (BenchmarkResult c : candidate.benchmarks()) {
            int looks = ab == null ? 1 : ab.looks().getOrDefault(c.name(), 1);
            double share = Looks.share(looks, ab != null && ab.confirm());
            pairs.add(BenchmarkPair.paired(baseByName.remove(c.name()), c, quickRun, policy, share, looks));
        }
        for (BenchmarkResult b : baseByName.values()) pairs.add(BenchmarkPair.of(b, null, quickRun, policy));
        double[] adjusted = correct(pairs, policy.correction());
        EnvironmentCheck.Result environment = EnvironmentCheck.compare(base.environment(), candidate.environment());
        List<BenchmarkComparison> results = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            BenchmarkPair pair = pairs.get(i);
            BenchmarkPair.Finding finding = pair.finding();
            if (finding.fixedVerdict() != null) {
                results.add(pair.fixedResult(policy));
                continue;
            }
            RelativeChange bad = pair.worse(finding.comparison());
            int looks = ab == null ? 1 : ab.looks().getOrDefault(pair.name(), 1);
            VerdictRule.Decision decision = PairedRule.decide(finding.comparison(), finding.strict(),
                    pair.sides().direction(), adjusted[i], pair.quick(), policy, finding.share(), looks);
            BenchmarkComparison result = pair.toResult(decision, bad, adjusted[i], policy);
            if (ab != null && result.statistics().pairs() != null) {
                result = result.withStatistics(result.statistics().withReach(new BenchmarkComparison.Reach(
                        ab.detect().get(pair.name()), ab.stops().get(pair.name()), looks)));
            }
            results.add(result);
        }
        boolean quick = quickRun || pairs.stream().anyMatch(BenchmarkPair::quick);
        List<String> warnings = new ArrayList<>();
        if (environment.mismatch()) {
            warnings.add("base and candidate ran on different servers (" + String.join("; ", environment.differences())
                    + "): the comparison is of the two servers as much as of the two versions");
        }
        if (ab != null && ab.candidate() != null && Boolean.TRUE.equals(ab.candidate().dirty())) {
            warnings.add("the candidate is the work tree with uncommitted changes");
        }
        warnings.addAll(reportWarnings(quick, quickRun, EnvironmentCheck.Result.NONE, policy));
        return new ComparisonReport(overall(results, policy), quick, false, environment.differences(), warnings,
                results, policy, ComparisonReport.Mode.AB, ab);
    }


    private static double[] correct(List<BenchmarkPair> pairs, Correction correction) {
        double[] raw = pairs.stream()
                .mapToDouble(p -> p.finding().comparison() == null ? Double.NaN : p.finding().comparison().pValue())
                .toArray();
        return correction == Correction.HOLM ? Holm.adjust(raw) : raw;
    }

    private static BenchmarkComparison judge(BenchmarkPair pair, double pAdjusted, EnvironmentCheck.Result environment,
                                             Policy policy, double runSigma) {
        if (pair.finding().fixedVerdict() != null) return pair.fixedResult(policy);
        Comparison comparison = pair.finding().comparison();
        RelativeChange sampleLevel = pair.worse(comparison);
        // widened on the ratio current / baseline itself: a higher-is-better change that is positive-is-worse
        // (1 - ratio) can be below -1, where no logarithm exists
        RelativeChange bad = Worse.positive(comparison.change().coveringRunNoise(runSigma), pair.sides().direction());
        VerdictRule.Decision decision = VerdictRule.decide(VerdictRule.Change.of(bad, pAdjusted, comparison)
                .acrossRuns(runSigma, bad.confidence()), pair.quick(), policy);
        List<String> notes = new ArrayList<>(decision.notes());
        if (bad.low() < sampleLevel.low()) {
            notes.add("interval widened for run-to-run noise of ±" + Numbers.share(Math.expm1(runSigma))
                    + " between runs' medians");
        }
        Verdict verdict = decision.verdict();
        if (verdict == Verdict.REGRESSION && environment.beyondMachineSpeed(bad.low(), policy.warnThreshold())) {
            notes.add(environment.speedChange() <= 0
                    ? "the machine ran faster during this run (" + Numbers.percent(environment.speedChange())
                    + " on the calibration query), which cannot explain a slowdown"
                    : "the machine ran slower during this run (" + Numbers.percent(environment.speedChange())
                    + " on the calibration query), but this change is far beyond that");
        } else if (verdict == Verdict.REGRESSION && environment.mismatch()) {
            verdict = Verdict.WARNING;
            String why = Double.isNaN(environment.speedChange()) ? "baseline and current ran on different environments"
                    : "the machine itself ran at a different speed (" + Numbers.percent(environment.speedChange())
                    + " on the calibration query)";
            notes.add(0, String.format(Locale.ROOT, "would be a regression (%s), but %s: downgraded to warning",
                    Numbers.percent(bad.estimate()), why));
        }
        return pair.toResult(new VerdictRule.Decision(verdict, notes, decision.iterationsToDecide()), bad, pAdjusted,
                policy);
    }

    private static OverallVerdict overall(List<BenchmarkComparison> results, Policy policy) {
        boolean warn = false;
        for (BenchmarkComparison r : results) {
            if (r.verdict() == Verdict.REGRESSION) return OverallVerdict.FAIL;
            if (r.verdict() == Verdict.INCONCLUSIVE && policy.failOnInconclusive()) return OverallVerdict.FAIL;
            warn |= r.verdict() == Verdict.WARNING || r.verdict() == Verdict.INCONCLUSIVE;
        }
        return warn ? OverallVerdict.WARN : OverallVerdict.PASS;
    }

    private static List<String> reportWarnings(boolean quick, boolean quickRun, EnvironmentCheck.Result environment,
                                               Policy policy) {
        List<String> warnings = new ArrayList<>(environment.warnings());
        if (quick) {
            warnings.add(String.format(Locale.ROOT, "QUICK MODE, LOW CONFIDENCE: %s; only a regression whose whole "
                            + "interval is beyond %s fails", quickRun ? "a quick run"
                            : "fewer than " + policy.minIterations() + " iterations",
                    Numbers.percent(policy.failThreshold())));
        }
        if (policy.strictEnvironment() && environment.mismatch()) {
            warnings.add("strict environment: a comparison across environments is an error");
        }
        return warnings;
    }
}
