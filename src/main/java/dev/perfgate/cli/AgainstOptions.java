package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.format.Durations;
import dev.perfgate.format.Shares;
import dev.perfgate.gate.CheckRequest;
import dev.perfgate.gate.Server;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.Installation;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @Option(names = "--against-pg-bin", paramLabel = "DIR|embedded",
            description = "Run the base on a throwaway server from this installation's bin folder, or on the embedded "
                    + "PostgreSQL 18 (e.g. the same suite on PostgreSQL 17 and 18).")
    String againstPgBin;

    @Option(names = "--against-extension", paramLabel = "DIR",
            description = "The base loads the extension build staged in DIR (repeatable; e.g. the build of the pull "
                    + "request's base, with --extension the head's).")
    List<Path> againstExtensions = new ArrayList<>();

    @Option(names = "--against-server-setting", paramLabel = "NAME=VALUE",
            description = "A setting for the base's server, over the candidate's (repeatable; e.g. work_mem=4MB "
                    + "against --server-setting work_mem=64MB).")
    Map<String, String> againstSettings = new LinkedHashMap<>();

    @Option(names = "--max-pairs", paramLabel = "N",
            description = "A/B: at most N pairs per benchmark, all passes included (default: 4000, or 4 x iterations "
                    + "when more).")
    Integer maxPairs;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "10min",
            description = "A/B: start no pass after a benchmark's first after this long, e.g. 10min (default), 90s "
                    + "or 1h; each benchmark may spend an equal share of what is left.")
    String maxTime;

    @Option(names = "--detect", paramLabel = "SHARE",
            description = "A/B: the smallest change every benchmark must be able to see, e.g. 2%%: pairs are added "
                    + "until its 'could detect' is at most this, or --max-time or --max-pairs runs out (default: the "
                    + "suite's detect=, else no target).")
    String detect;

    @Option(names = "--base-output", paramLabel = "FILE",
            description = "A/B: the base's results file (default: ${DEFAULT-VALUE}).")
    Path baseOutput = Defaults.BASE_RESULTS;

    /**
     * The base side, said as what differs from the candidate's, and the budgets; null when no A/B comparison was
     * asked for.
     */
    CheckRequest.Against against(Server candidate) {
        return against(candidate, false);
    }

    /**
     * As {@link #against(Server)}; with {@code anchor} ({@code --against-anchor}) there is always a base, the anchor
     * until the use case reads its commit ({@link CheckRequest.Against#ANCHOR}), so the budgets given apply to it.
     */
    CheckRequest.Against against(Server candidate, boolean anchor) {
        Server base = baseServer(candidate);
        if (against == null && base == null && !anchor) {
            if (detect != null) {
                throw new PerfgateException("--detect " + detect + ": sensitivity on demand adds pairs to an A/B run; "
                        + "give --against REF (or --against-anchor, --against-db, --against-pg-bin)");
            }
            return null;
        }
        String suite = against == null && anchor ? CheckRequest.Against.ANCHOR : against;
        Duration budget = Durations.parse(maxTime);
        if (budget == null) {
            throw new PerfgateException("--max-time " + maxTime + ": not a duration; write " + Durations.EXAMPLES);
        }
        return new CheckRequest.Against(suite, base, maxPairs, budget, baseOutput,
                PolicyOptions.share("--detect", detect, Shares::fraction));
    }

    /** The base's own server, when one was asked for: another URL, or the candidate's throwaway server changed. */
    private Server baseServer(Server candidate) {
        boolean changed = againstPgBin != null || !againstExtensions.isEmpty() || !againstSettings.isEmpty();
        if (againstDb != null) {
            if (changed) {
                throw new PerfgateException("--against-db names a server perfgate only connects to; --against-pg-bin, "
                        + "--against-extension and --against-server-setting describe one it starts: leave out one");
            }
            return Server.at(againstDb);
        }
        if (!changed) return null;
        Server.Change change = new Server.Change(againstPgBin != null,
                againstPgBin == null || againstPgBin.equals("embedded") ? null
                        : Installation.of(Path.of(againstPgBin), "--against-pg-bin"),
                againstExtensions.stream().map(e -> ExtensionBuild.of(e, "--against-extension")).toList(),
                againstSettings);
        return candidate.changedBy(change);
    }
}
