#!/usr/bin/env bash
# Measurement overhead: perfgate's median latency for SELECT 1 and a one-row UPDATE against
# pgbench -M prepared on the same embedded server, in the same run (goal: within 1.15x).
# Usage: scripts/overhead-vs-pgbench.sh [ROUNDS]   (default 20)
# Exit code: 0 all PASS, 1 a MISS, 2 pgbench missing, 3 the benchmark failed, 4 bad argument.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load before: $(uptime)"
# Maven 3.8's console library prints stray colour codes even with -q -B: keep its output unless it fails.
mkdir -p target
if ! mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt \
        >target/overhead-build.log 2>&1; then
    cat target/overhead-build.log >&2
    exit 3
fi
exec java -cp "target/classes:target/test-classes:$(cat target/test-cp.txt)" dev.perfgate.bench.OverheadBenchmark "$@"
