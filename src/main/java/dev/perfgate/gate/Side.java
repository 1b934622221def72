package dev.perfgate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Side} is one side of a comparison, as data: where its suite comes from and which server runs it. A plain
 * run is one side; an A/B comparison is two, the base made from the candidate by saying what differs
 * ({@link #withSuite}, {@link #withServer}), so reports name a side by what differs.
 */
public record Side(SuiteSource suite, Server server) {

    public Side {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(server, "server");
    }

    /** This side with its suite from elsewhere. */
    public Side withSuite(SuiteSource other) {
        return new Side(other, server);
    }

    /** This side on another server. */
    public Side withServer(Server other) {
        return new Side(suite, other);
    }

    /** True when both sides run on one server (in two databases of it). */
    public boolean sharesServerWith(Side other) {
        return server.equals(other.server);
    }

    /**
     * What this side has that {@code other} has not, one phrase each, e.g. {@code suite: perf at git main} or
     * {@code server: jdbc:postgresql://db/bench}; empty when the two are the same.
     */
    public List<String> differencesFrom(Side other) {
        List<String> differences = new ArrayList<>();
        if (!suite.equals(other.suite)) differences.add("suite: " + suite.describe());
        if (!server.equals(other.server)) differences.add("server: " + server.describe());
        return differences;
    }
}
