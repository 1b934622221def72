package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.gate.AcceptRequest;
import dev.perfgate.model.Baseline;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.BaselineJson;
import dev.perfgate.results.Baselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
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

        Path resolve(String suiteName) {
            return file != null ? file : Baselines.location(suite, suiteName);
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Show how RESULTS differ from the current baseline (intervals widened for the run-to-run "
                    + "noise the history shows, as check does), then make RESULTS the baseline once approved (a yes "
                    + "on the terminal, or --yes) and write a summary for reviewers beside it (baseline.summary.md). "
                    + "Refuses in CI (CI=true) without --yes.")
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

        @picocli.CommandLine.Mixin
        HistoryCommand.Location history = new HistoryCommand.Location();

        Accept(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            new dev.perfgate.gate.Accept(console).run(new AcceptRequest(results, reason, target.file, target.suite, yes,
                    force, console.ci(), history.location));
            return 0;
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
