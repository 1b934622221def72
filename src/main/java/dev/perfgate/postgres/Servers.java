package dev.perfgate.postgres;

import java.util.function.Consumer;

/** Starts the throwaway server a {@link ServerSpec} describes: the embedded PostgreSQL or a cluster from an installation. */
public final class Servers {

    private Servers() {
    }

    /** {@link #start(ServerSpec, Consumer)} without status lines. */
    public static DatabaseServer start(ServerSpec spec) {
        return start(spec, line -> { });
    }

    /**
     * Starts the server for {@code spec}: the embedded PostgreSQL 18 ({@link EmbeddedServer}, as nobody when root
     * lacks user namespaces) when its installation is null, else an {@link InstalledServer}. Both get
     * {@link ServerSpec#serverSettings()} and load the spec's extension builds.
     *
     * @param status receives a line when the server lacks a module perfgate preloads (time only, no counters)
     * @throws dev.perfgate.PerfgateException (one line, exit 2) when it cannot start, with PostgreSQL's own message
     *                                        when the server refused (e.g. a setting it rejects); nothing is left behind
     */
    public static DatabaseServer start(ServerSpec spec, Consumer<String> status) {
        if (spec.embedded()) return EmbeddedServer.start(spec.serverSettings(), spec.extensions());
        return InstalledServer.start(spec, status);
    }
}
