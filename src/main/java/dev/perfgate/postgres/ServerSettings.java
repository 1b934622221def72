package dev.perfgate.postgres;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The server and connection settings perfgate benchmarks with, and the settings it records in results. */
public final class ServerSettings {

    /**
     * Settings for the embedded server. Zonky turns {@code synchronous_commit} off for fast tests; a benchmark
     * must pay for durable commits the way production does, so it goes back on (as do fsync and full page writes,
     * PostgreSQL's defaults). Autovacuum is off, as pgbench's guidance has it: a vacuum that starts at a random
     * moment of a timed statement makes two runs differ for no reason in the code; the runner vacuums between
     * benchmarks instead.
     */
    public static final Map<String, String> BENCHMARK = benchmarkSettings();

    /**
     * Settings that change how fast a statement runs; recorded in every results file and the fingerprint when the
     * server has them (a setting a major removed is simply not there). {@code data_checksums} is fixed by initdb, and
     * its default changed in PostgreSQL 18 (on; off before). The database's collation is read from
     * {@code pg_database} instead of {@code lc_collate}, a setting PostgreSQL 16 removed ({@link #COLLATION}), and
     * JIT availability from {@code pg_jit_available()} ({@link #JIT_AVAILABLE}).
     */
    public static final List<String> RECORDED = List.of(
            "shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size", "synchronous_commit",
            "fsync", "full_page_writes", "wal_level", "wal_buffers", "max_wal_size", "checkpoint_timeout",
            "commit_delay", "jit", "random_page_cost", "effective_io_concurrency", "max_parallel_workers_per_gather",
            "huge_pages", "track_io_timing", "autovacuum", "server_encoding", "data_checksums");

    /**
     * The recorded name of the database's collation ({@code pg_database.datcollate}): the name of the setting that
     * held it before PostgreSQL 16, so results from older servers compare with newer ones.
     */
    public static final String COLLATION = "lc_collate";

    /** The recorded name of the database's locale provider: libc, icu or builtin ({@code pg_database.datlocprovider}). */
    public static final String LOCALE_PROVIDER = "locale_provider";

    /**
     * The recorded name of {@code pg_jit_available()}: whether the server can compile with JIT at all. {@code jit=on}
     * on a server built without LLVM (the embedded one) does nothing, so {@code jit} alone says too little.
     */
    public static final String JIT_AVAILABLE = "jit_available";

    /** The modules perfgate preloads for its counters (bench.CounterSource): statement counts and plans. */
    public static final List<String> PRELOADED = List.of("pg_stat_statements", "auto_explain");

    /** The setting whose lists perfgate's preloads and the user's are merged in. */
    public static final String PRELOAD = "shared_preload_libraries";

    /** Settings perfgate chooses for each cluster it starts, which a user setting must not move. */
    static final List<String> MANAGED = List.of("port", "listen_addresses", "unix_socket_directories");

    /**
     * Settings that make a benchmark's timings say little about production: allowed, but reported. The value is
     * the value that does so.
     */
    static final Map<String, String> MEANINGLESS = Map.of("fsync", "off", "synchronous_commit", "off",
            "full_page_writes", "off");

    private ServerSettings() {
    }

    /**
     * {@link #BENCHMARK} with {@code user}'s settings over it, for a server that has the modules {@code preloads} (a
     * subset of {@link #PRELOADED}): {@code shared_preload_libraries} is perfgate's available preloads followed by
     * the user's (e.g. {@code pg_tviews}), never the user's alone, so counters keep working; the settings of a module
     * that is not there are left out.
     */
    public static Map<String, String> merged(Map<String, String> user, List<String> preloads) {
        Map<String, String> out = new LinkedHashMap<>(BENCHMARK);
        if (!preloads.contains("pg_stat_statements")) out.remove("pg_stat_statements.track_utility");
        java.util.LinkedHashSet<String> libraries = new java.util.LinkedHashSet<>();
        PRELOADED.stream().filter(preloads::contains).forEach(libraries::add);
        user.forEach((name, value) -> {
            if (!name.equals(PRELOAD)) out.put(name, value);
        });
        String extra = user.get(PRELOAD);
        if (extra != null) {
            for (String lib : extra.split(",")) if (!lib.isBlank()) libraries.add(lib.strip());
        }
        if (libraries.isEmpty()) out.remove(PRELOAD);
        else out.put(PRELOAD, String.join(",", libraries));
        return out;
    }

    private static Map<String, String> benchmarkSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("synchronous_commit", "on");
        s.put("fsync", "on");
        s.put("full_page_writes", "on");
        s.put("shared_buffers", "128MB");
        s.put("max_connections", "50");
        s.put("autovacuum", "off");
        s.put("timezone", "UTC");
        // counters (bench.CounterSource): statement counts, and plans sent to the client on request only
        s.put("shared_preload_libraries", "pg_stat_statements,auto_explain");
        s.put("pg_stat_statements.track_utility", "off");
        return Map.copyOf(s);
    }

    /** JDBC properties for a benchmark connection: server-side prepared statements from the first use. */
    static Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "perfgate");
        p.setProperty("prepareThreshold", "1");
        p.setProperty("connectTimeout", "10");
        return p;
    }
}
