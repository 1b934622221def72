package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.OutlierRun;
import dev.perfgate.analysis.RunNoise;
import dev.perfgate.history.HistoryStore;
import dev.perfgate.history.NoiseFromHistory;
import dev.perfgate.io.AtomicFiles;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.report.BaselineSummary;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.report.RunTable;
import dev.perfgate.report.TextReport;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.results.ResultsJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Accept} is the use case of {@code perfgate baseline accept}, the one way a baseline changes: the run is
 * refused when it is unfit to judge others by (unless forced), the diff against the current baseline is shown
 * (widened for run-to-run noise as {@code check} widens it), a run at the edge of the recorded ones is warned about,
 * and the file is replaced only once a person approved it, with who, when, which commit and why, and a short
 * summary for reviewers beside it ({@link BaselineSummary}).
 */
public final class Accept {

    private final Listener listener;

    public Accept(Listener listener) {
        this.listener = listener;
    }

    /** Returns true when the baseline was replaced, false when the person declined. */
    public boolean run(AcceptRequest r) {
        if (r.reason().isBlank()) throw new PerfgateException("--reason is empty: say why this run should be the baseline");
        RunResult run = ResultsJson.read(r.results());
        Path file = r.baseline() != null ? r.baseline()
                : r.suite() != null ? Baselines.location(r.suite(), run.suite()) : Baselines.location(run);
        Baseline old = Files.exists(file) ? BaselineJson.read(file) : null;
        if (!r.force()) refuseUnfit(r.results(), run, old, file);
        Map<String, double[]> recorded = recordedMedians(r.history(), run);
        ComparisonReport diff = showDiff(run, old, file, recorded);
        List<String> warnings = placed(recorded, run);
        if (!approved(r)) {
            listener.note("declined; baseline " + file + " left unchanged");
            return false;
        }
        Provenance provenance = new Provenance(acceptedBy(), Instant.now(), run.git().commit(), r.results().toString(),
                r.reason().strip(), suiteFolder(r, run));
        Baseline accepted = new Baseline(run, provenance);
        BaselineJson.write(accepted, file);
        Path summary = BaselineSummary.fileFor(file);
        AtomicFiles.write(summary, BaselineSummary.render(accepted, old, diff, warnings)
                .getBytes(StandardCharsets.UTF_8));
        noteAnchor(run, provenance);
        listener.print("Baseline " + file + " now holds " + r.results() + " ("
                + Numbers.count(run.benchmarks().size(), "benchmark", "benchmarks") + "), summarized in " + summary
                + ". Commit both so reviewers see the change (the summary reads old → new per benchmark).\n");
        return true;
    }

    /** Warns when the run sits at the edge of the recorded ones ({@link OutlierRun}); the warnings given. */
    private List<String> placed(Map<String, double[]> recorded, RunResult run) {
        String outlier = OutlierRun.warning(recorded, NoiseFromHistory.medians(run));
        if (outlier == null) return List.of();
        listener.warn(outlier);
        return List.of(outlier);
    }

    /** A run unfit to judge others by is refused unless forced: quick, too few iterations, another suite. */
    private static void refuseUnfit(Path results, RunResult run, Baseline old, Path file) {
        String unfit = null;
        int min = Policy.DEFAULT.minIterations();
        int fewest = run.benchmarks().stream().mapToInt(b -> b.samples().size()).min().orElse(0);
        if (run.settings() != null && run.settings().quick()) {
            unfit = "it is a --quick run, labelled low confidence";
        } else if (fewest < min && run.benchmarks().stream().noneMatch(b -> b.count() || b.summaryOnly())) {
            unfit = "a benchmark has only " + fewest + " samples, fewer than the " + min + " a verdict needs";
        } else if (old != null && old.run().suite() != null && run.suite() != null
                && !old.run().suite().equals(run.suite())) {
            unfit = "it is a run of suite " + run.suite() + " but " + file + " is suite " + old.run().suite()
                    + "'s baseline";
        }
        if (unfit != null) {
            throw new PerfgateException("refusing to make " + results + " the baseline: " + unfit + "; re-run it "
                    + "fully, or pass --force if this is intended");
        }
    }

    /**
     * Shows the new run against the current baseline, its intervals widened by the run-to-run noise exactly as a
     * stored-baseline {@code check} widens them (the history's upper bound, else the 25 % prior), so a verdict in
     * the diff is one a check would give; returns that comparison, null for the first baseline.
     */
    private ComparisonReport showDiff(RunResult run, Baseline old, Path file, Map<String, double[]> recorded) {
        if (old == null) {
            listener.print("No baseline at " + file + " yet; the new one:\n");
            listener.print(RunTable.render(run));
            return null;
        }
        Map<String, Double> noise = new HashMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            double bound = RunNoise.upperBound(recorded.getOrDefault(b.name(), new double[0]));
            noise.put(b.name(), Double.isNaN(bound) ? Math.log1p(Defaults.RUN_NOISE) : bound);
        }
        ComparisonReport diff = RegressionCheck.compare(old.run(), run, Policy.DEFAULT, noise);
        listener.print("Changes from the current baseline " + file + " (old → new; intervals widened for run-to-run "
                + "noise as 'check' widens them):\n");
        listener.print(new TextReport(listener.terminal()).render(diff));
        return diff;
    }

    /** Each benchmark's medians in the recorded comparable runs; none when no history is given or it is unreadable. */
    private Map<String, double[]> recordedMedians(String history, RunResult run) {
        if (history == null) return Map.of();
        try {
            return NoiseFromHistory.recentMedians(HistoryStore.open(history), run);
        } catch (PerfgateException e) {
            listener.warn("could not read the history (" + e.getMessage() + "): the diff assumes "
                    + Defaults.RUN_NOISE_TEXT + " run-to-run noise");
            return Map.of();
        }
    }

    private boolean approved(AcceptRequest r) {
        if (r.yes()) return true;
        if (r.ci()) {
            throw new PerfgateException("refusing to change the baseline in CI without approval: review the diff "
                    + "above and pass --yes if the change is intended");
        }
        if (!listener.terminal()) {
            throw new PerfgateException("no terminal to ask for approval: review the diff above and pass --yes");
        }
        return listener.confirm("Make this the new baseline?");
    }

    /**
     * The suite's folder inside its repository, for the anchor: the folder the results came from ({@code --suite}
     * when given); null for a bundled suite or outside git.
     */
    private static String suiteFolder(AcceptRequest r, RunResult run) {
        Path folder = r.suite();
        if (folder == null && run.settings() != null
                && run.settings().extra().get(RunSettings.SUITE_FOLDER_KEY) instanceof String s && !s.isBlank()) {
            folder = Path.of(s);
        }
        return folder == null || !Files.isDirectory(folder) ? null : GitProbe.pathInRepository(folder);
    }

    /** Says what the anchor is, or why there is none: the drift check measures from it. */
    private void noteAnchor(RunResult run, Provenance p) {
        if (p.commit() == null || p.suiteFolder() == null) {
            listener.note("no anchor recorded (the run was not measured in a git work tree, or its suite has no "
                    + "folder): 'check --against-anchor' needs both");
            return;
        }
        listener.note("anchor: commit " + p.commit().substring(0, Math.min(10, p.commit().length())) + ", suite folder "
                + p.suiteFolder() + (Boolean.TRUE.equals(run.git().dirty())
                ? " (the run had uncommitted changes: the anchor is the commit without them)" : ""));
    }

    private static String acceptedBy() {
        String user = GitProbe.userName();
        return user != null ? user : System.getProperty("user.name");
    }
}
