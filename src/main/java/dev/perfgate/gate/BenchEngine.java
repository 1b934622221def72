package dev.perfgate.gate;

import dev.perfgate.analysis.DataCheck;
import dev.perfgate.bench.AbRun;
import dev.perfgate.bench.InterleavedRun;
import dev.perfgate.bench.Progress;
import dev.perfgate.bench.Session;
import dev.perfgate.bench.SuiteRun;
import dev.perfgate.model.RunResult;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The real {@link Engine}: PostgreSQL sessions ({@code bench}), each phase's time said to the listener. */
public final class BenchEngine implements Engine {

    private final Listener listener;
    private final List<String> warnings = new ArrayList<>();

    public BenchEngine(Listener listener) {
        this.listener = listener;
    }

    @Override
    public RunResult run(Suite suite, Server server, Settings overrides, boolean quick) {
        Progress progress = listener.progress();
        long start = System.nanoTime();
        try (Session session = Session.start(server.url(), server.spec(), progress::status)) {
            RunResult result = SuiteRun.measure(session, suite, overrides, quick, progress);
            listener.note(String.format(Locale.ROOT, "%s: %s in %.1f s, suite ran in %.1f s",
                    session.serverDescription(), server.throwaway() ? "server ready" : "connected and calibrated",
                    session.startSeconds(),
                    (System.nanoTime() - start) / 1e9 - session.startSeconds()));
            return result;
        }
    }

    /** What the last A/B measurement found that the report should say (the sides' databases differ). */
    @Override
    public List<String> measurementWarnings() {
        return List.copyOf(warnings);
    }

    @Override
    public AbRun.Outcome runAb(AbRun.Plan plan, InterleavedRun.Allocation allocation) {
        long start = System.nanoTime();
        AbRun.Outcome outcome = AbRun.measure(plan, listener.progress(), allocation, (base, candidate) -> {
            String differ = DataCheck.warning(base, candidate);
            if (differ != null) {
                listener.warn(differ);
                warnings.add(differ);
            }
        });
        listener.note(String.format(Locale.ROOT, "%s: server ready in %.1f s, A/B ran in %.1f s", outcome.server(),
                outcome.startSeconds(), (System.nanoTime() - start) / 1e9 - outcome.startSeconds()));
        return outcome;
    }
}
