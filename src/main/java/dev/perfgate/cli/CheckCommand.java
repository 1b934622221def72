package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.format.Shares;
import dev.perfgate.gate.BenchEngine;
import dev.perfgate.gate.Check;
import dev.perfgate.gate.CheckRequest;
import dev.perfgate.gate.Subject;
import dev.perfgate.imports.Importers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code perfgate check [SUITE]}: the CI entry point; {@link Check} decides, this class reads the options. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run a suite (default: the bundled demo suite on an embedded PostgreSQL), write its results, "
                + "compare them with the baseline and exit 1 on a regression.")
final class CheckCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Mixin
    PolicyOptions policy;

    @Mixin
    ReportOptions reports;

    @Mixin
    HistoryCommand.Location history = new HistoryCommand.Location();

    @Option(names = "--import", arity = "2..*", paramLabel = "FORMAT FILE",
            description = "Gate another harness's results instead of running a suite: FORMAT (one of "
                    + "${COMPLETION-CANDIDATES}, see 'perfgate import --help') and its output file(s).",
            completionCandidates = Importers.Names.class)
    List<String> importArgs;

    @Option(names = "--run-noise", paramLabel = "SHARE", defaultValue = Defaults.RUN_NOISE_TEXT,
            description = "Run-to-run scatter of a benchmark's median to assume until the history holds 5 earlier "
                    + "runs on this machine, e.g. 25%% (the default, for shared CI machines) or 0 to trust a single run.")
    String runNoise;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline to compare with (default: SUITE/baseline.json, or perfgate-baselines/NAME.json "
                    + "for a bundled suite).")
    Path baseline;

    @Option(names = "--require-baseline",
            description = "Fail (exit 2) when there is no baseline to compare with, instead of passing.")
    boolean requireBaseline;

    @Mixin
    AgainstOptions ab = new AgainstOptions();

    @Mixin
    DriftOptions drift = new DriftOptions();

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Subject subject = importArgs == null ? suite.measured() : new Subject.Imported(importArgs.get(0),
                importArgs.subList(1, importArgs.size()).stream().map(Path::of).toList(), suite.selection());
        var judging = new CheckRequest.Judging(baseline, requireBaseline,
                PolicyOptions.share("--run-noise", runNoise, Shares::thresholdOrZero));
        CheckRequest.Drift d = drift.drift();
        CheckRequest request = new CheckRequest(subject, suite.quick, ab.against(suite.server(), d.againstAnchor()),
                policy.choice(), judging, suite.output, reports.choice(), history.location, console.ci(), d);
        return new Check(new BenchEngine(console), console).run(request).exitCode();
    }
}
