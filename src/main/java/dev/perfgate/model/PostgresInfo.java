package dev.perfgate.model;

import java.util.List;
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

    /**
     * Server facts recorded since the fingerprint's recipe was fixed, which it does not hash (so results files
     * written before keep their fingerprint): data checksums, JIT availability, the locale provider, and the
     * collation from PostgreSQL 16 on (before 16 it was a setting, and is hashed). Two runs that both recorded one
     * and differ in it still ran on different environments.
     */
    public static final List<String> NOT_FINGERPRINTED =
            List.of("data_checksums", "jit_available", "locale_provider", "lc_collate");

    public PostgresInfo {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A server whose origin is unknown. */
    public PostgresInfo(String version, Map<String, String> settings) {
        this(version, settings, null);
    }
}
