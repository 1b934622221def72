package dev.perfgate.cli;

import dev.perfgate.model.AbInfo;
import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.Confirmation;
import dev.perfgate.analysis.Policy;
import dev.perfgate.bench.AbRun;
import dev.perfgate.bench.BaseSuite;
import dev.perfgate.bench.Progress;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.results.ResultsJson;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code --against REF|DIR} and {@code --against-db URL}: measure the base version in the same session as the
 * candidate, iterations interleaved in pairs, and judge the pairs (shared by {@code check} and {@code run}).
 */
public final class AgainstOptions {

    static final Path DEFAULT_BASE_RESULTS = Path.of("perfgate-out", "results-base.json");

    /** Confirmation passes a benchmark may get beyond its first, by default: four passes in all. */
    static final int DEFAULT_PASSES = 4;

    @Option(names = "--against", paramLabel = "REF|DIR",
            description = "A/B in one session: compare with the suite as it was at git revision REF (or in folder DIR), "
                    + "both versions on the same server, iterations interleaved in pairs.")
    String against;

    @Option(names = "--against-db", paramLabel = "JDBC_URL",
            description = "Run the base on this server or database (alone: the same suite on two servers, e.g. two "
                    + "PostgreSQL versions). Password from PGPASSWORD or ~/.pgpass.")
    String againstDb;

    @Option(names = "--max-pairs", paramLabel = "N",
            description = "A/B: at most N pairs per benchmark, confirmation passes included (default: 4 x iterations).")
    Integer maxPairs;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "10min",
            description = "A/B: start no confirmation pass after this long, e.g. 10min (default) or 90s.")
    String maxTime;

    @Option(names = "--base-output", paramLabel = "FILE",
            description = "A/B: the base's results file (default: ${DEFAULT-VALUE}).")
    Path baseOutput = DEFAULT_BASE_RESULTS;

    /** True when an A/B comparison was asked for. */
    boolean active() {
        return against != null || againstDb != null;
    }

    /** Measures base and candidate in one session and writes both results files. */
    AbRun.Outcome measure(Suite candidate, SuiteOptions options, Console console, boolean quick,
                          Integer defaultIterations, Policy policy, Path output) {
        Settings overrides = options.overrides(defaultIterations);
        if (againstDb != null) ExternalServer.of(againstDb); // a malformed URL is refused before anything starts
        int perPass = candidate.settings().overriddenBy(overrides).iterationsOrDefault();
        int pairs = maxPairs != null ? bounded(maxPairs) : Math.min(Settings.MAX_ITERATIONS, DEFAULT_PASSES * perPass);
        Progress progress = console.progress();
        long start = System.nanoTime();
        try (BaseSuite base = against == null ? null : BaseSuite.resolve(against, options.suite)) {
            Suite baseSuite = base == null ? candidate : options.sameSelection(base.suite());
            var baseVersion = base != null ? base.version()
                    : new AbInfo.Version("server", null, null, ExternalServer.redact(againstDb), null);
            AbRun.Plan plan = new AbRun.Plan(baseSuite, baseVersion, candidate, BaseSuite.candidate(options.suite),
                    options.db, againstDb, overrides, quick, pairs, budgetMillis());
            AbRun.Outcome measured = AbRun.measure(plan, progress, (spec, a, b, looks) ->
                    Confirmation.needsMorePairs(a, b, candidate.settings().overriddenBy(spec.settings())
                            .directionOrDefault(), policy, looks));
            AbRun.Outcome outcome = new AbRun.Outcome(options.marked(measured.base()),
                    options.marked(measured.candidate()), measured.startSeconds(), measured.server());
            console.err().printf(Locale.ROOT, "perfgate: %s: server ready in %.1f s, A/B ran in %.1f s%n",
                    outcome.server(), outcome.startSeconds(), (System.nanoTime() - start) / 1e9 - outcome.startSeconds());
            ResultsJson.write(outcome.base(), baseOutput);
            ResultsJson.write(outcome.candidate(), output);
            console.err().println("perfgate: results written to " + output + " (candidate) and " + baseOutput + " (base)");
            return outcome;
        }
    }

    private static int bounded(int pairs) {
        if (pairs < 1 || pairs > Settings.MAX_ITERATIONS) {
            throw new PerfgateException("--max-pairs " + pairs + ": give a whole number from 1 to "
                    + Settings.MAX_ITERATIONS);
        }
        return pairs;
    }

    private long budgetMillis() {
        String v = maxTime.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})\\s*(ms|s|min|h)?").matcher(v);
        if (!m.matches()) {
            throw new PerfgateException("--max-time " + maxTime + ": not a duration; write e.g. 10min, 90s or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> n;
            case "min" -> Duration.ofMinutes(n).toMillis();
            case "h" -> Duration.ofHours(n).toMillis();
            default -> Duration.ofSeconds(n).toMillis();
        };
    }
}
