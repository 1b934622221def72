package dev.perfgate.cli;

import dev.perfgate.Defaults;
import dev.perfgate.PerfgateException;
import dev.perfgate.gate.Selection;
import dev.perfgate.gate.Server;
import dev.perfgate.gate.Side;
import dev.perfgate.gate.Subject;
import dev.perfgate.gate.SuiteSource;
import dev.perfgate.model.Shard;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.Installation;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.suite.Settings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options shared by the commands that run a suite: which suite, on which server, which benchmarks, how, and
 * where the results go.
 */
public final class SuiteOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE",
            description = "Folder of .sql benchmark files (default: the bundled demo suite 'tviews').")
    Path suite;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Benchmark this server (jdbc:postgresql://HOST[:PORT]/DB) instead of an embedded one. "
                    + "Password from PGPASSWORD or ~/.pgpass.")
    String db;

    @Option(names = "--pg-bin", paramLabel = "DIR",
            description = "Start the throwaway server from this PostgreSQL installation's bin folder (e.g. "
                    + "$(pg_config --bindir); any major from 13 to 18) instead of the embedded PostgreSQL 18.")
    Path pgBin;

    @Option(names = "--extension", paramLabel = "DIR",
            description = "Load the extension build staged in DIR (make install DESTDIR=DIR, or what cargo pgrx "
                    + "package writes) instead of any installed copy (repeatable).")
    List<Path> extensions = new ArrayList<>();

    @Option(names = "--server-setting", paramLabel = "NAME=VALUE",
            description = "A setting for the server perfgate starts, e.g. work_mem=64MB (repeatable; over the suite's "
                    + "'-- perfgate:server' lines; shared_preload_libraries adds to perfgate's own).")
    Map<String, String> serverSettings = new LinkedHashMap<>();

    @Option(names = "--scale", paramLabel = "N", description = "Grow the suite's data set N times (the suite's :scale).")
    Integer scale;

    @Option(names = "--iterations", paramLabel = "N", description = "Measured iterations per benchmark.")
    Integer iterations;

    @Option(names = "--warmup", paramLabel = "N", description = "Discarded warm-up iterations per benchmark.")
    Integer warmup;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random parameters.")
    Long seed;

    @Option(names = "--no-counters", negatable = false,
            description = "Time only: skip counting buffers, WAL, rows and plans (see 'counters' in the user guide).")
    boolean noCounters;

    @Option(names = "--no-attribution", negatable = false,
            description = "Skip profiling each statement and function (see 'attribution' in the user guide).")
    boolean noAttribution;

    @Option(names = {"-b", "--benchmark"}, paramLabel = "NAME", description = "Run only this benchmark (repeatable).")
    List<String> only;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N (1-based): a stable part of the benchmarks, chosen by a hash of each "
                    + "name, so the same benchmark always lands in the same shard; 'perfgate merge' joins the parts.")
    String shard;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results file (default: ${DEFAULT-VALUE}).")
    Path output = Defaults.RESULTS;

    @Option(names = "--quick", description = "Rapid feedback while developing: 5 iterations unless --iterations says "
            + "otherwise; labelled low confidence, fails only on gross regressions, never written to history.")
    boolean quick;

    /** The suite on its server, the benchmarks chosen and the run settings, as the options say. */
    Subject.Measured measured() {
        Selection selection = selection(); // a malformed --shard is refused before anything else
        Side side = new Side(SuiteSource.of(suite), server());
        return new Subject.Measured(side, selection, Settings.fromOptions(iterations, warmup, scale, seed,
                noCounters ? Boolean.FALSE : null, noAttribution ? Boolean.FALSE : null));
    }

    /**
     * The server: {@code --db}, or the throwaway one perfgate starts ({@code --pg-bin}, {@code --extension},
     * {@code --server-setting}); perfgate installs nothing into a server it did not start.
     */
    Server server() {
        if (db == null) {
            return Server.started(new ServerSpec(pgBin == null ? null : Installation.of(pgBin),
                    extensions.stream().map(e -> ExtensionBuild.of(e, "--extension")).toList(), serverSettings));
        }
        String started = pgBin != null ? "--pg-bin" : !extensions.isEmpty() ? "--extension"
                : !serverSettings.isEmpty() ? "--server-setting" : null;
        if (started != null) {
            throw new PerfgateException(started + " is for a server perfgate starts, and --db names one it only "
                    + "connects to (perfgate installs and sets nothing there): leave out one of them");
        }
        return Server.at(db);
    }

    /** The benchmarks chosen: {@code --benchmark} and {@code --shard}. */
    Selection selection() {
        return new Selection(only, shard == null ? null : Shard.parse(shard, "--shard"));
    }
}
