package dev.perfgate.cli;

import dev.perfgate.bench.AbRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.suite.Suite;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code perfgate run [SUITE] -o FILE}: run a suite and write its results file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite on PostgreSQL and write a perfgate-results/1 file.")
final class RunCommand implements Callable<Integer> {

    static final Path DEFAULT_RESULTS = Path.of("perfgate-out", "results.json");

    private final Console console;

    @Mixin
    SuiteOptions suite;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = DEFAULT_RESULTS;

    RunCommand(Console console) {
        this.console = console;
    }

    @picocli.CommandLine.Mixin
    AgainstOptions ab = new AgainstOptions();

    @Override
    public Integer call() {
        Suite s = suite.read();
        if (suite.nothingInShard(s, console)) return 0;
        if (ab.active()) {
            AbRun.Outcome outcome = ab.measure(s, suite, console, false, null, new PolicyOptions().policy(s.settings()),
                    output);
            console.out().println("candidate (" + outcome.candidate().ab().candidate().describe() + "):");
            console.out().print(RunTable.render(outcome.candidate()));
            console.out().println("base (" + outcome.base().ab().base().describe() + "):");
            console.out().print(RunTable.render(outcome.base()));
            return 0;
        }
        RunResult result = suite.marked(suite.measure(s, console, false, null));
        ResultsJson.write(result, output);
        console.out().print(RunTable.render(result));
        console.err().println("perfgate: results written to " + output);
        return 0;
    }
}
