package dev.perfgate.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL server a run measured.
 *
 * @param version  server version, e.g. {@code "18.1"}
 * @param settings the settings that matter for speed (shared_buffers, synchronous_commit, ...), sorted by name
 * @param origin   where the server's binaries came from: {@code "embedded"}, an installation's bin folder, or
 *                 {@code null} when unknown (a server perfgate did not start, or a file from before it was recorded)
 */
public record PostgresInfo(String version, Map<String, String> settings, String origin) {
    public PostgresInfo {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A server whose origin is unknown. */
    public PostgresInfo(String version, Map<String, String> settings) {
        this(version, settings, null);
    }
}
