-- Suite-level settings, setup and teardown (see the perfgate user guide, "Writing a suite").
-- perfgate: iterations=30 warmup=6 seed=42 scale=1 timeout=60s
-- perfgate: fail_threshold=10% warn_threshold=5%

-- perfgate:setup
CREATE TABLE accounts (
    id      integer PRIMARY KEY,
    balance numeric(12, 2) NOT NULL
);
INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10000 * :scale) g;
VACUUM ANALYZE accounts;

-- perfgate:teardown
DROP TABLE accounts;
