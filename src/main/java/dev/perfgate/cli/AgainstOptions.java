package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.format.Durations;
import dev.perfgate.gate.CheckRequest;
import dev.perfgate.gate.Server;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --against REF|DIR} and {@code --against-db URL}: the base side of a same-session A/B comparison, said as
 * what differs from the candidate, and the session's budgets (shared by {@code check} and {@code run}).
 */
public final class AgainstOptions {

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
            description = "A/B: start no confirmation pass after this long, e.g. 10min (default), 90s or 1h.")
    String maxTime;

    @Option(names = "--base-output", paramLabel = "FILE",
            description = "A/B: the base's results file (default: ${DEFAULT-VALUE}).")
    Path baseOutput = Defaults.BASE_RESULTS;

    /** The base side and budgets; null when no A/B comparison was asked for. */
    CheckRequest.Against against() {
        if (against == null && againstDb == null) return null;
        Duration budget = Durations.parse(maxTime);
        if (budget == null) {
            throw new PerfgateException("--max-time " + maxTime + ": not a duration; write " + Durations.EXAMPLES);
        }
        return new CheckRequest.Against(against, againstDb == null ? null : Server.at(againstDb), maxPairs, budget,
                baseOutput);
    }
}
