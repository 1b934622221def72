package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.report.TextReport;
import dev.perfgate.results.BaselineJson;
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

    /** Which baseline file: {@code --baseline FILE}, or the default for {@code --suite DIR} or the results' suite. */
    static final class Target {
        @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline file.")
        Path file;

        @Option(names = "--suite", paramLabel = "DIR", description = "Use DIR/baseline.json, where check looks for it.")
        Path suite;

        Path resolve(String suiteName) {
            return file != null ? file : Baselines.defaultPath(suite, suiteName);
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

        @picocli.CommandLine.ArgGroup(exclusive = true)
        Target target = new Target();

        Accept(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            if (reason.isBlank()) throw new PerfgateException("--reason is empty: say why this run should be the baseline");
            RunResult run = ResultsJson.read(results);
            Path file = target.resolve(run.suite() == null ? "suite" : run.suite());
            showDiff(run, file);
            if (!approved()) {
                console.err().println("perfgate: baseline " + file + " left unchanged");
                return PerfgateException.CANNOT_RUN;
            }
            Provenance provenance = new Provenance(acceptedBy(), Instant.now(), run.git().commit(), results.toString(),
                    reason.strip());
            BaselineJson.write(new Baseline(run, provenance), file);
            console.out().println("Baseline " + file + " now holds " + results + " (" + run.benchmarks().size()
                    + " benchmarks). Commit it so reviewers see the change.");
            return 0;
        }

        private void showDiff(RunResult run, Path file) {
            if (!Files.exists(file)) {
                console.out().println("No baseline at " + file + " yet; the new one:");
                console.out().print(RunTable.render(run));
                return;
            }
            Baseline old = BaselineJson.read(file);
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
