package dev.perfgate.gate;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Policy;
import dev.perfgate.bench.AbRun;
import dev.perfgate.bench.BaseSuite;
import dev.perfgate.bench.InterleavedRun;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An {@code AbSession} is a same-session A/B measurement, shared by {@code check} and {@code run}: the base side
 * made from the candidate by what differs, its suite read (a revision exported to a temporary folder, deleted on
 * {@link #close}) before any server starts, both sides measured in pairs with confirmation passes as the policy
 * asks, and both results files written.
 */
final class AbSession implements AutoCloseable {

    private final Side candidateSide;
    private final Side baseSide;
    private final Suite candidate;
    private final Selection selection;
    private final CheckRequest.Against against;
    private final BaseSuite exported;
    private final Suite base;
    private final String absent;

    private AbSession(Side candidateSide, Side baseSide, Suite candidate, Selection selection,
                      CheckRequest.Against against, BaseSuite exported, Suite base, String absent) {
        this.candidateSide = candidateSide;
        this.baseSide = baseSide;
        this.candidate = candidate;
        this.selection = selection;
        this.against = against;
        this.exported = exported;
        this.base = base;
        this.absent = absent;
    }

    /** Checks the outputs and reads the base side's suite: everything short of starting a server. */
    static AbSession prepare(Side candidateSide, Suite candidate, Selection selection, CheckRequest.Against against,
                             Path results) {
        ResultFiles.requireWritable(results, "-o");
        ResultFiles.requireWritable(against.baseOutput(), "--base-output");
        if (against.maxPairs() != null && (against.maxPairs() < 1 || against.maxPairs() > Settings.MAX_ITERATIONS)) {
            throw new PerfgateException("--max-pairs " + against.maxPairs() + ": give a whole number from 1 to "
                    + Settings.MAX_ITERATIONS);
        }
        Side baseSide = candidateSide;
        if (against.suite() != null) baseSide = baseSide.withSuite(SuiteSource.against(against.suite(),
                candidateSide.suite()));
        if (against.server() != null) baseSide = baseSide.withServer(against.server());
        BaseSuite exported = null;
        Suite base = candidate;
        if (baseSide.suite() instanceof SuiteSource.Folder f && against.suite() != null) {
            exported = BaseSuite.fromFolder(f.path());
        } else if (baseSide.suite() instanceof SuiteSource.Revision r) {
            String absentAt = BaseSuite.absentAt(r.ref(), r.folder());
            if (absentAt != null) {
                return new AbSession(candidateSide, baseSide, candidate, selection, against, null, null,
                        "the suite folder " + r.folder() + " does not exist at " + r.ref() + " (" + absentAt + "): "
                                + "this change adds it");
            }
            exported = BaseSuite.fromRevision(r.ref(), r.folder());
        }
        if (exported != null) base = selection.applyLeniently(exported.suite());
        return new AbSession(candidateSide, baseSide, candidate, selection, against, exported, base, null);
    }

    /**
     * Why the comparison can only pass, or null: both sides run the same suite, byte for byte, on the same server
     * with the same builds and settings. The usual cause is code under test that lives outside the suite folder (an
     * extension's library) and that neither side changed.
     */
    String identical() {
        if (absent != null || !Suites.sameContent(base, candidate)
                || !baseSide.server().forSuite(base.serverSettings())
                .equals(candidateSide.server().forSuite(candidate.serverSettings()))) {
            return null;
        }
        return "SAME ON BOTH SIDES: base and candidate run the same suite, byte for byte, on the same server with the "
                + "same builds and settings, so this comparison can only pass; if the code under test is a library "
                + "(an extension), give each side its build with --extension DIR and --against-extension DIR";
    }

    /** The servers of both sides as their suites run on them: base, candidate. */
    List<Server> servers() {
        return List.of(baseSide.server().forSuite(base.serverSettings()),
                candidateSide.server().forSuite(candidate.serverSettings()));
    }

    /**
     * True when the two sides run on different PostgreSQL servers (another installation or version, other settings,
     * or two servers perfgate only connects to), not merely with other builds of an extension: then buffers, WAL and
     * plans differ with the server as much as with the code.
     */
    boolean serversDiffer() {
        List<Server> servers = servers();
        Server base = servers.get(0);
        Server candidate = servers.get(1);
        if (base.url() != null || candidate.url() != null) return !Objects.equals(base.url(), candidate.url());
        return !Objects.equals(base.spec().installation(), candidate.spec().installation())
                || !base.spec().settings().equals(candidate.spec().settings());
    }

    /** Why the base side has no suite at all (the change adds it), or null when it has one. */
    String absentBase() {
        return absent;
    }

    /**
     * Measures both sides, marks them with their shard and writes both results files.
     *
     * @param policy decides when a benchmark needs another pass of pairs before its verdict can stand
     */
    AbRun.Outcome measure(Engine engine, Settings overrides, boolean quick, Policy policy, Path results,
                          Listener listener) {
        int perPass = candidate.settings().overriddenBy(overrides).iterationsOrDefault();
        int pairs = against.maxPairs() != null ? against.maxPairs()
                : Math.min(Settings.MAX_ITERATIONS, Math.max(Defaults.MAX_PAIRS, Defaults.PASSES * perPass));
        Server baseServer = baseSide.server().forSuite(base.serverSettings());
        Server candidateServer = candidateSide.server().forSuite(candidate.serverSettings());
        AbInfo.Version baseVersion = baseVersion();
        AbInfo.Version candidateVersion = candidateVersion();
        if (!baseServer.equals(candidateServer)) { // the reports name each side's server: it is what differs
            baseVersion = baseVersion.on(baseServer.describe());
            candidateVersion = candidateVersion.on(candidateServer.describe());
        }
        AbRun.Plan plan = new AbRun.Plan(new AbRun.Arm(base, baseVersion, baseServer.url(), baseServer.spec()),
                new AbRun.Arm(candidate, candidateVersion, candidateServer.url(), candidateServer.spec()), overrides,
                quick, new AbRun.Budget(pairs, against.maxTime().toMillis()));
        AbRun.Outcome measured = engine.runAb(plan, new Allocations(candidate.settings(), overrides, pairs,
                against.detect(), policy, quick, candidate.benchmarks().size()));
        RunResult baseRun = selection.mark(measured.base());
        RunResult candidateRun = selection.mark(measured.candidate());
        ResultsJson.write(baseRun, against.baseOutput());
        ResultsJson.write(candidateRun, results);
        listener.note("results written to " + results + " (candidate) and " + against.baseOutput() + " (base)");
        return new AbRun.Outcome(baseRun, candidateRun, measured.startSeconds(), measured.server(),
                measured.baseFailures());
    }

    /** What the base ran, for the reports: the revision or folder, or (same suite) the other server. */
    /** The commit the base side's suite was exported from; null unless the base is a git revision. */
    String baseCommit() {
        return exported != null && baseSide.suite() instanceof SuiteSource.Revision ? exported.version().commit()
                : null;
    }

    private AbInfo.Version baseVersion() {
        if (exported != null) return exported.version();
        return new AbInfo.Version("server", null, null, baseSide.server().describe(), null);
    }

    private AbInfo.Version candidateVersion() {
        return BaseSuite.candidate(Suites.folder(candidateSide.suite()));
    }

    @Override
    public void close() {
        if (exported != null) exported.close();
    }
}
