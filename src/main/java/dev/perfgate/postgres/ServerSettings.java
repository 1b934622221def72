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

    /** Settings that change how fast a statement runs; recorded in every results file and the fingerprint. */
    public static final List<String> RECORDED = List.of(
            "shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size", "synchronous_commit",
            "fsync", "full_page_writes", "wal_level", "wal_buffers", "max_wal_size", "checkpoint_timeout",
            "commit_delay", "jit", "random_page_cost", "effective_io_concurrency", "max_parallel_workers_per_gather",
            "huge_pages", "track_io_timing", "autovacuum", "server_encoding", "lc_collate");

    private ServerSettings() {
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
