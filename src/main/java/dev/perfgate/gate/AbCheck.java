package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Policy;
import dev.perfgate.analysis.RegressionCheck;
import dev.perfgate.bench.AbRun;
import dev.perfgate.suite.Suite;

/**
 * {@code AbCheck} is {@code perfgate check --against}: both versions measured in one session and judged on the
 * pairs ({@link RegressionCheck#comparePaired}); no stored baseline is read. Checked before anything runs: the
 * options that contradict it, the outputs, the suite, the policy and the base side's suite.
 */
final class AbCheck {

    private final Engine engine;
    private final Listener listener;

    AbCheck(Engine engine, Listener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    CheckOutcome run(CheckRequest r) {
        if (r.judging().baseline() != null) {
            throw new PerfgateException("--baseline and --against both name what to compare with: --against measures "
                    + "the base now, next to the candidate; leave out one of them");
        }
        if (!(r.subject() instanceof Subject.Measured m)) {
            throw new PerfgateException("--import gates results that were already measured; --against measures both "
                    + "versions now: leave out one of them");
        }
        Suite suite = m.selection().apply(Suites.read(m.side().suite()));
        r.reports().chosen();
        Conclusion conclusion = Check.conclusion(r, suite.name(), listener);
        if (m.selection().emptyShard(suite)) return Check.emptyShard(m.selection(), suite, listener);
        Policy policy = r.policy().policy(suite.settings());
        try (AbSession session = AbSession.prepare(m.side(), suite, m.selection(), r.against(), r.results())) {
            conclusion.requireWritable();
            AbRun.Outcome outcome = session.measure(engine, Check.quickOverrides(m.overrides(), r.quick()), r.quick(),
                    policy, r.results(), listener);
            return conclusion.finish(RegressionCheck.comparePaired(outcome.base(), outcome.candidate(), policy),
                    outcome.candidate(), r.reports().requested());
        }
    }
}
