#!/usr/bin/env bash
# Judges the extension author's and the DBA's A/B through the real jar and prints the counts:
#
#   scripts/extension-runs.sh same N      # N x two builds of one pgwork source, each side its own build: must pass
#   scripts/extension-runs.sh slower N    # N x a build doing 25 % more work per call against the reference build
#   scripts/extension-runs.sh versions N  # N x Debian's PostgreSQL 15 (base) against the embedded 18 (candidate) on
#                                         # an indexed WHERE id = ANY(1,000 adjacent ids): 17 reads the keys that
#                                         # share a leaf page in one descent instead of one descent per key
#   scripts/extension-runs.sh walltime N  # wall time: plain check on one cluster, A/B across two clusters (N each,
#                                         # interleaved), and the start of a cluster from the installation vs embedded
#
# pgwork (src/test/resources/extensions/pgwork) is built with PGXS against PG_BIN (default: Debian's 15, from
# apt-get install postgresql-15 postgresql-server-dev-15 build-essential). The jar is target/perfgate.jar, or
# PERFGATE_JAR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PERFGATE_JAR:-$here/target/perfgate.jar}"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
mode="${1:-same}"
runs="${2:-20}"
work="$(mktemp -d /tmp/perfgate-ext-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
pg() { java -jar "$jar" "$@"; }

build() { # build WORK STAGE: pgwork with WORK inner steps per unit, staged as make install DESTDIR=STAGE
  rm -rf src && cp -r "$here/src/test/resources/extensions/pgwork" src
  make -s -C src PG_CONFIG="$pg_bin/pg_config" with_llvm=no WORK="$1" install DESTDIR="$work/$2" >/dev/null 2>&1
}

mkdir -p perf any
printf -- '-- perfgate:setup\nCREATE EXTENSION pgwork;\n' > perf/_suite.sql
# ten calls a statement, their argument from the rows, so no plan can fold them into a constant
printf -- '-- perfgate:run\nSELECT sum(pgwork_spin(4000 + g %% 2)) FROM generate_series(1, 10) g;\n' > perf/spin.sql
cat > any/_suite.sql <<'SQL'
-- perfgate:setup
CREATE TABLE items (id int PRIMARY KEY, payload text);
INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, 200000) g;
ANALYZE items;
SQL
cat > any/any_1000_ids.sql <<'SQL'
-- perfgate:param start = int(1, 100000)
-- perfgate:run
SELECT count(*) FROM items WHERE id = ANY (ARRAY(SELECT :start + g FROM generate_series(1, 1000) g));
SQL

# verdict, time verdict, change and interval of each benchmark from a comparison file
verdicts() {
  python3 - "$1" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
print(c["verdict"], " ".join("%s=%s/time=%s(%+.1f%% [%+.1f%%, %+.1f%%])" % (b["name"], b["verdict"],
      b.get("time_verdict", b["verdict"]), 100 * (b["change"] or 0), 100 * (b["ci_low"] or 0), 100 * (b["ci_high"] or 0))
      for b in c["benchmarks"]))
PY
}

ab() { # ab LABEL N ARGS...: N A/B checks, the verdict line of each and the counts
  local label="$1" n="$2"; shift 2
  local pass=0 warn=0 fail=0 err=0
  for i in $(seq 1 "$n"); do
    rm -rf out && code=0
    pg check "$@" -o out/r.json --base-output out/b.json --history out/h.jsonl --format json --out out/rep \
      >out.log 2>&1 || code=$?
    case "$code" in
      0) if grep -q '"verdict" : "warn"' out/rep/comparison.json; then warn=$((warn + 1)); else pass=$((pass + 1)); fi ;;
      1) fail=$((fail + 1)) ;;
      *) err=$((err + 1)); tail -3 out.log ;;
    esac
    [ -f out/rep/comparison.json ] && echo "$label $i: exit $code $(verdicts out/rep/comparison.json)"
  done
  echo "$label: $n runs: $pass pass, $warn warn, $fail fail, $err errors"
}

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; echo "$(date +%s.%N) - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

case "$mode" in
  same)
    build 100 reference && build 100 again
    ab same "$runs" perf --pg-bin "$pg_bin" --extension again --against-extension reference ;;
  slower)
    build 100 reference && build 125 slower
    ab slower "$runs" perf --pg-bin "$pg_bin" --extension slower --against-extension reference ;;
  versions)
    ab versions "$runs" any --against-pg-bin "$pg_bin" ;;
  walltime)
    build 100 reference && build 125 slower
    : >plain.txt; : >twoclusters.txt; : >start-installed.txt; : >start-embedded.txt
    for i in $(seq 1 "$runs"); do
      seconds pg check perf --pg-bin "$pg_bin" --extension reference -o out/p.json --history out/p.jsonl >>plain.txt
      seconds pg check perf --pg-bin "$pg_bin" --extension slower --against-extension reference -o out/a.json \
        --base-output out/ab.json --history out/a.jsonl >>twoclusters.txt
      # a one-iteration run without counters: what is left is mostly starting (and stopping) the server
      seconds pg run perf --pg-bin "$pg_bin" --extension reference --iterations 1 --warmup 0 --no-counters \
        -o out/s.json >>start-installed.txt
      seconds pg run "$here/src/main/resources/suites/tviews" -b single_row_update --iterations 1 --warmup 0 \
        --no-counters --scale 1 -o out/e.json >>start-embedded.txt
    done
    p=$(median <plain.txt); t=$(median <twoclusters.txt)
    echo "plain check on one cluster: median $p s; A/B across two clusters: median $t s; ratio $(echo "scale=2; $t / $p" | bc)"
    echo "run of 1 iteration, cluster from $pg_bin: median $(median <start-installed.txt) s;" \
      "embedded (demo suite setup included): median $(median <start-embedded.txt) s" ;;
  *) echo "usage: $0 same|slower|versions|walltime N" >&2; exit 2 ;;
esac
