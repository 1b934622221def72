package dev.perfgate.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL server a run measured.
 *
 * @param version  server version, e.g. {@code "18.1"}
 * @param settings the settings that matter for speed (shared_buffers, synchronous_commit, ...), sorted by name
 */
public record PostgresInfo(String version, Map<String, String> settings) {
    public PostgresInfo {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
