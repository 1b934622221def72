package dev.perfgate.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code perfgate baseline accept|show}: review and replace a suite's baseline, or show it. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Review and accept a new baseline, or show the current one.",
        subcommands = {BaselineCommand.Accept.class, BaselineCommand.Show.class})
final class BaselineCommand {

    /**
     * Which baseline file: {@code --baseline FILE}, {@code --suite DIR} (its {@code baseline.json}), or where
     * {@code check} looks for the suite the results came from ({@link Baselines}).
     */
    static final class Target {
        @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline file.")
        Path file;

        @Option(names = "--suite", paramLabel = "DIR", description = "Use DIR/baseline.json, where check looks for it.")
        Path suite;

        Path resolve(RunResult run) {
            return file != null ? file : suite != null ? Baselines.location(suite, run.suite()) : Baselines.location(run);
        }

        Path resolve(String suiteName) {
            return file != null ? file : Baselines.location(suite, suiteName);
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Show how RESULTS differ from the current baseline, then make RESULTS the baseline once "
                    + "approved (a yes on the terminal, or --yes). Refuses in CI (CI=true) without --yes.")
    static final class Accept implements Callable<Integer> {
        private final Console console;

        @Parameters(paramLabel = "RESULTS", description = "The results file to accept.")
        Path results;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why this is the new baseline.")
        String reason;

        @Option(names = "--yes", description = "Approve without asking (the only way in CI).")
        boolean yes;

        @Option(names = "--force", description = "Accept a quick run, a run with fewer iterations than a verdict "
                + "needs, or a run of another suite than the current baseline's.")
        boolean force;

        @picocli.CommandLine.ArgGroup(exclusive = true)
        Target target = new Target();

        Accept(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            if (reason.isBlank()) throw new PerfgateException("--reason is empty: say why this run should be the baseline");
            RunResult run = ResultsJson.read(results);
            Path file = target.resolve(run);
            Baseline old = Files.exists(file) ? BaselineJson.read(file) : null;
            if (!force) refuseUnfit(run, old, file);
            showDiff(run, old, file);
            if (!approved()) {
                console.err().println("perfgate: declined; baseline " + file + " left unchanged");
                return 0;
            }
            Provenance provenance = new Provenance(acceptedBy(), Instant.now(), run.git().commit(), results.toString(),
                    reason.strip());
            BaselineJson.write(new Baseline(run, provenance), file);
            console.out().println("Baseline " + file + " now holds " + results + " ("
                    + Numbers.count(run.benchmarks().size(), "benchmark", "benchmarks")
                    + "). Commit it so reviewers see the change.");
            return 0;
        }

        /** A run unfit to judge others by is refused unless --force: quick, too few iterations, another suite. */
        private void refuseUnfit(RunResult run, Baseline old, Path file) {
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
                console.out().println("No baseline at " + file + " yet; the new one:");
                console.out().print(RunTable.render(run));
                return;
            }
            console.out().println("Changes from the current baseline " + file + " (old → new):");
            console.out().print(new TextReport(console.terminal()).render(
                    RegressionCheck.compare(old.run(), run, Policy.DEFAULT)));
        }

        private boolean approved() {
            if (yes) return true;
            if (console.ci()) {
                throw new PerfgateException("refusing to change the baseline in CI without approval: review the diff "
                        + "above and pass --yes if the change is intended");
            }
            if (!console.terminal()) {
                throw new PerfgateException("no terminal to ask for approval: review the diff above and pass --yes");
            }
            return console.confirm("Make this the new baseline?");
        }

        private static String acceptedBy() {
            String user = GitProbe.userName();
            return user != null ? user : System.getProperty("user.name");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a baseline and its provenance.")
    static final class Show implements Callable<Integer> {
        private final Console console;

        @Parameters(paramLabel = "SUITE_NAME", arity = "0..1", defaultValue = "tviews",
                description = "Suite name for the default location (default: ${DEFAULT-VALUE}).")
        String suiteName;

        @picocli.CommandLine.ArgGroup(exclusive = true)
        Target target = new Target();

        Show(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            Path file = target.resolve(suiteName);
            if (!Files.exists(file)) {
                throw new PerfgateException("no baseline at " + file + ": accept one with 'perfgate baseline accept "
                        + "RESULTS --reason TEXT'");
            }
            Baseline b = BaselineJson.read(file);
            console.out().println("Baseline " + file);
            console.out().println(Baselines.describe(b));
            console.out().print(RunTable.render(b.run()));
            return 0;
        }
    }
}
