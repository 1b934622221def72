package dev.perfgate.gate;

import dev.perfgate.bench.AbRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.report.RunTable;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Suite;

/**
 * {@code Run} is the use case of {@code perfgate run}: measure, write the results file, print the run's table (both
 * sides' in A/B, where the policy's defaults decide the confirmation passes). No verdict, no history.
 */
public final class Run {

    private final Engine engine;
    private final Listener listener;

    public Run(Engine engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /** Runs and returns the candidate's results (the only side of a plain run); null when a shard held nothing. */
    public RunResult run(RunRequest r) {
        Subject.Measured m = r.subject();
        Suite suite = m.selection().apply(Suites.read(m.side().suite()));
        if (m.selection().emptyShard(suite)) {
            Check.emptyShard(m.selection(), suite, listener);
            return null;
        }
        if (r.against() != null) return runAb(r, suite);
        return plain(r, suite);
    }

    private RunResult plain(RunRequest r, Suite suite) {
        Subject.Measured m = r.subject();
        ResultFiles.requireWritable(r.results(), "-o");
        RunResult result = m.selection().mark(engine.run(suite, m.side().server().forSuite(suite.serverSettings()),
                Check.quickOverrides(m.overrides(), r.quick()), r.quick()));
        ResultsJson.write(result, r.results());
        listener.print(RunTable.render(result));
        listener.note("results written to " + r.results());
        return result;
    }

    private RunResult runAb(RunRequest r, Suite suite) {
        Subject.Measured m = r.subject();
        try (AbSession session = AbSession.prepare(m.side(), suite, m.selection(), r.against(), r.results())) {
            if (session.absentBase() != null) {
                listener.note(session.absentBase() + ": running the candidate alone");
                return plain(r, suite);
            }
            AbRun.Outcome outcome = session.measure(engine, Check.quickOverrides(m.overrides(), r.quick()), r.quick(),
                    PolicyChoice.NONE.policy(suite.settings()), r.results(), listener);
            if (!outcome.baseFailures().isEmpty()) listener.warn(FailedAtBase.warning(outcome.baseFailures()));
            listener.print("candidate (" + outcome.candidate().ab().candidate().describe() + "):\n");
            listener.print(RunTable.render(outcome.candidate()));
            listener.print("base (" + outcome.base().ab().base().describe() + "):\n");
            listener.print(RunTable.render(outcome.base()));
            return outcome.candidate();
        }
    }
}
