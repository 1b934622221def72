package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.DriftBudget;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.ChangeEstimate;
import dev.perfgate.model.Provenance;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.suite.Suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * {@code DriftCheck} is {@code check SUITE --against-anchor}: an A/B check ({@link AbCheck}, one session, pairs,
 * confirmation passes) of the work tree against the suite at the <b>anchor</b>, the commit the reviewed baseline
 * was measured at, judged against the drift budget: a benchmark fails as a regression beyond the budget and warns
 * beyond half of it (the budget is the policy's fail threshold for this check, half of it the warning threshold, so
 * the paired verdict rule, its p &lt; 0.01 and its interval conditions included, decides as for any change). The
 * history records the run with its anchor and its drift. Refused, before anything runs, with how to re-anchor:
 * no git, no anchor, an anchor commit the repository no longer has.
 */
final class DriftCheck implements AbCheck.Judging {

    static final String REANCHOR = "re-anchor by measuring a commit of this history and accepting it: 'perfgate check "
            + "SUITE -o results.json' then 'perfgate baseline accept results.json --reason TEXT', and commit the "
            + "baseline";

    private final CheckRequest request;
    private final Provenance anchor;
    private final Listener listener;
    private double budget;

    private DriftCheck(CheckRequest request, Provenance anchor, Listener listener) {
        this.request = request;
        this.anchor = anchor;
        this.listener = listener;
    }

    /** Reads the anchor, refusing what cannot be compared, then runs the A/B check against it. */
    static CheckOutcome run(Engine engine, Listener listener, CheckRequest r) {
        CheckRequest.Against against = r.against();
        if (against != null && against.suite() != null && !CheckRequest.Against.ANCHOR.equals(against.suite())) {
            throw new PerfgateException("--against-anchor and --against " + against.suite() + " both name the base: "
                    + "the anchor is the reviewed baseline's commit; leave out one of them");
        }
        if (!(r.subject() instanceof Subject.Measured m)) {
            throw new PerfgateException("--import gates results that were already measured; --against-anchor "
                    + "measures the work tree and the anchor now, in one session: leave out one of them");
        }
        if (!(m.side().suite() instanceof SuiteSource.Folder f)) {
            throw new PerfgateException("--against-anchor needs the suite's folder in a git repository (the anchor is "
                    + "a commit of it), and the bundled demo suite has none: give SUITE as a folder, or compare with "
                    + "the stored baseline (leave out --against-anchor)");
        }
        Path folder = f.path();
        Path top = GitProbe.topLevel(folder.toAbsolutePath());
        if (top == null) {
            throw new PerfgateException("--against-anchor: " + folder + " is not in a git repository, so there is no "
                    + "anchor commit to measure from; compare with the stored baseline (leave out --against-anchor)");
        }
        Provenance anchor = anchor(r.judging().baseline() != null ? r.judging().baseline()
                : Baselines.location(folder, null));
        String short7 = shortCommit(anchor.commit());
        if (!GitProbe.hasCommit(folder.toAbsolutePath(), anchor.commit())) {
            throw new PerfgateException("--against-anchor: the anchor commit " + short7 + " (accepted "
                    + day(anchor) + ") is not in " + top + (GitProbe.shallow(folder.toAbsolutePath())
                    ? ", a shallow clone: fetch the whole history (actions/checkout with fetch-depth: 0), or "
                    : " (was the history rewritten?): ") + REANCHOR);
        }
        String now = GitProbe.pathInRepository(folder.toAbsolutePath());
        if (anchor.suiteFolder() != null && now != null && !anchor.suiteFolder().equals(now)) {
            throw new PerfgateException("--against-anchor: the suite was in " + anchor.suiteFolder() + " at the anchor "
                    + short7 + " and is in " + now + " now, so the two are not the same suite's versions; " + REANCHOR);
        }
        CheckRequest.Against base = new CheckRequest.Against(anchor.commit(), against == null ? null : against.server(),
                against == null ? null : against.maxPairs(), against == null ? Defaults.MAX_TIME : against.maxTime(),
                against == null ? Defaults.BASE_RESULTS : against.baseOutput(), against == null ? null : against.detect());
        // the baseline named where the anchor is; the comparison itself is A/B, so it reads no stored baseline
        CheckRequest ab = new CheckRequest(r.subject(), r.quick(), base, r.policy(), new CheckRequest.Judging(null,
                false, r.judging().runNoise()), r.results(), r.reports(), r.history(), r.ci(), r.drift());
        return new AbCheck(engine, listener).run(ab, new DriftCheck(r, anchor, listener));
    }

    /** The anchor: the baseline's provenance, refused when it has none. */
    private static Provenance anchor(Path baselineFile) {
        if (!Files.exists(baselineFile)) {
            throw new PerfgateException("--against-anchor: no baseline at " + baselineFile + ", so no anchor to measure "
                    + "the drift from; " + REANCHOR);
        }
        Baseline baseline = BaselineJson.read(baselineFile);
        Provenance p = baseline.provenance();
        if (p == null || p.commit() == null || p.commit().isBlank()) {
            throw new PerfgateException("--against-anchor: the baseline " + baselineFile + " records no commit (a plain "
                    + "results file, or accepted outside a git work tree), so it is no anchor; " + REANCHOR);
        }
        return p;
    }

    /** The budget: {@code --drift-budget}, else the suite's {@code drift_budget}, else the fail threshold. */
    static double budget(CheckRequest r, Suite suite, Policy asked) {
        if (r.drift().budget() != null) return r.drift().budget();
        if (suite.settings().driftBudget() != null) return suite.settings().driftBudget();
        return asked.failThreshold();
    }

    @Override
    public Policy policy(Suite suite, Policy asked) {
        budget = budget(request, suite, asked);
        double b = budget;
        try {
            return asked.with(v -> {
                v.failThreshold = b;
                v.warnThreshold = b / 2;
            });
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("--drift-budget " + Numbers.share(b) + ": " + e.getMessage());
        }
    }

    @Override
    public boolean notesBaselineChange() {
        return false; // the anchor precedes the baseline accepted from it: that it differs is no news
    }

    @Override
    public ComparisonReport judged(ComparisonReport report) {
        Map<String, ChangeEstimate> changes = Conclusion.changes(report);
        Map.Entry<String, ChangeEstimate> worst = DriftBudget.worst(changes);
        if (worst == null) return report;
        ChangeEstimate d = worst.getValue();
        long over = report.benchmarks().stream().filter(b -> b.verdict() == Verdict.REGRESSION)
                .map(BenchmarkComparison::name).count();
        String line = "DRIFT: drift since anchor " + shortCommit(anchor.commit()) + " (accepted " + day(anchor)
                + (anchor.reason() == null ? "" : ", '" + anchor.reason() + "'") + "): " + Numbers.percent(d.change())
                + " " + Numbers.interval(d.low(), d.high()) + " in " + worst.getKey() + ", budget "
                + Numbers.share(budget) + (over > 0 ? ": " + Numbers.count(over, "benchmark", "benchmarks")
                + " beyond the budget" : switch (DriftBudget.Standing.of(d.change(), budget)) {
                    case OVER -> ": beyond the budget, not yet confirmed";
                    case NEAR -> ": more than half of it spent";
                    case WITHIN -> "";
                });
        listener.print(line + "\n");
        return report.withWarning(line);
    }

    @Override
    public Conclusion conclusion(Conclusion plain) {
        return plain.anchored(new AnchorCheck(anchor.commit(), anchor.acceptedAt(), anchor.reason(), budget));
    }

    static String shortCommit(String commit) {
        return commit == null ? "unknown" : commit.substring(0, Math.min(7, commit.length()));
    }

    private static String day(Provenance p) {
        return p.acceptedAt() == null ? "at an unknown date" : p.acceptedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                .toString();
    }
}
