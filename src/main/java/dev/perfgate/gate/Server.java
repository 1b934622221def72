package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.postgres.Installation;
import dev.perfgate.postgres.ServerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Server} is which PostgreSQL runs a side: a throwaway server perfgate starts (the embedded one, or a
 * cluster from an installation, with extension builds and settings: a {@link ServerSpec}) or the server a JDBC URL
 * names ({@code --db}, {@code --against-db}), which perfgate only connects to.
 *
 * @param url  the server's JDBC URL as given (may hold a password: never print it, see {@link #describe}); null for
 *             a server perfgate starts
 * @param spec what perfgate starts when {@code url} is null; its settings are the command line's, the suite's
 *             {@code -- perfgate:server} lines go under them ({@link #forSuite})
 */
public record Server(String url, ServerSpec spec) {

    /** The throwaway server perfgate starts from the binaries in its jar, with its own settings. */
    public static final Server EMBEDDED = new Server(null, ServerSpec.EMBEDDED);

    public Server {
        if (url == null && spec == null) throw new IllegalArgumentException("a server needs a URL or a spec");
        if (url != null) spec = null;
    }

    /** A server at {@code url}; a malformed URL is refused now, before anything starts. */
    public static Server at(String url) {
        if (url == null) return EMBEDDED;
        ExternalServer.of(url);
        return new Server(url, null);
    }

    /** A throwaway server perfgate starts as {@code spec} says. */
    public static Server started(ServerSpec spec) {
        return new Server(null, spec);
    }

    /** True when perfgate starts this server itself (and deletes it after). */
    public boolean throwaway() {
        return url == null;
    }

    /**
     * The server as this suite runs on it: the suite's server settings under the command line's. A server perfgate
     * did not start cannot take them: refused, since the suite would silently run without what it asked for.
     */
    public Server forSuite(Map<String, String> suiteSettings) {
        if (suiteSettings.isEmpty()) return this;
        if (url != null) {
            throw new PerfgateException("the suite sets server settings (" + String.join(", ",
                    suiteSettings.keySet()) + ") that perfgate can only give a server it starts, not --db "
                    + ExternalServer.redact(url) + ": set them on that server, or let perfgate start one (leave out "
                    + "--db, or give --pg-bin)");
        }
        Map<String, String> settings = new LinkedHashMap<>(suiteSettings);
        settings.putAll(spec.settings());
        return started(new ServerSpec(spec.installation(), spec.extensions(), settings));
    }

    /**
     * What the base side's server changes in the candidate's ({@code --against-pg-bin}, {@code --against-extension},
     * {@code --against-server-setting}).
     *
     * @param installationGiven  true when the base names its own installation
     * @param installation       that installation; null for the embedded PostgreSQL
     * @param extensions         the base's builds; empty to keep the candidate's
     * @param settings           settings laid over the candidate's
     */
    public record Change(boolean installationGiven, Installation installation, List<ExtensionBuild> extensions,
                         Map<String, String> settings) {
    }

    /**
     * The base's server: the same as this one except what {@code change} says, always one perfgate starts (a
     * candidate on {@code --db} gives the embedded server as the starting point).
     */
    public Server changedBy(Change change) {
        ServerSpec from = throwaway() ? spec : ServerSpec.EMBEDDED;
        Installation installation = change.installationGiven() ? change.installation() : from.installation();
        List<ExtensionBuild> builds = change.extensions().isEmpty() ? from.extensions() : change.extensions();
        Map<String, String> settings = new LinkedHashMap<>(from.settings());
        settings.putAll(change.settings());
        return started(new ServerSpec(installation, builds, settings));
    }

    /** Why timings on this server say little about production (e.g. {@code fsync=off}); empty when they do. */
    public List<String> timingWarnings() {
        return spec == null ? List.of() : spec.timingWarnings();
    }

    /** For people: the URL without credentials, or what perfgate starts. */
    public String describe() {
        return url != null ? ExternalServer.redact(url) : spec.describe();
    }
}
