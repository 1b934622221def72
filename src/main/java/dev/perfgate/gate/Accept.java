package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.report.TextReport;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import dev.perfgate.results.ResultsJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code Accept} is the use case of {@code perfgate baseline accept}, the one way a baseline changes: the run is
 * refused when it is unfit to judge others by (unless forced), the diff against the current baseline is shown,
 * and the file is replaced only once a person approved it, with who, when, which commit and why.
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
        showDiff(run, old, file);
        if (!approved(r)) {
            listener.note("declined; baseline " + file + " left unchanged");
            return false;
        }
        Provenance provenance = new Provenance(acceptedBy(), Instant.now(), run.git().commit(), r.results().toString(),
                r.reason().strip());
        BaselineJson.write(new Baseline(run, provenance), file);
        listener.print("Baseline " + file + " now holds " + r.results() + " ("
                + Numbers.count(run.benchmarks().size(), "benchmark", "benchmarks")
                + "). Commit it so reviewers see the change.\n");
        return true;
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

    private void showDiff(RunResult run, Baseline old, Path file) {
        if (old == null) {
            listener.print("No baseline at " + file + " yet; the new one:\n");
            listener.print(RunTable.render(run));
            return;
        }
        listener.print("Changes from the current baseline " + file + " (old → new):\n");
        listener.print(new TextReport(listener.terminal()).render(RegressionCheck.compare(old.run(), run,
                Policy.DEFAULT)));
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

    private static String acceptedBy() {
        String user = GitProbe.userName();
        return user != null ? user : System.getProperty("user.name");
    }
}
