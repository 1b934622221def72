-- Suite-level settings, setup and teardown (see the perfgate user guide, "Writing a suite" and "Benchmarking an
-- extension"). Each side's server loads its own build of @EXTENSION@ (perfgate's --extension, --against-extension).
-- perfgate: iterations=30 warmup=6 seed=42 scale=1 timeout=60s
-- perfgate: fail_threshold=10% warn_threshold=5%

-- An extension whose library must be loaded at server start (PostgreSQL says it "must be loaded via
-- shared_preload_libraries": shared memory, background workers, hooks set in _PG_init) needs the next line without
-- its first "-- "; perfgate adds it to its own preloads (pg_stat_statements, auto_explain), which the counters need.
-- -- perfgate:server shared_preload_libraries=@EXTENSION@

-- perfgate:setup
CREATE EXTENSION @EXTENSION_SQL@;
CREATE TABLE accounts (
    id      integer PRIMARY KEY,
    balance numeric(12, 2) NOT NULL
);
INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10000 * :scale) g;
VACUUM ANALYZE accounts;

-- perfgate:teardown
DROP TABLE accounts;
DROP EXTENSION @EXTENSION_SQL@;
