#!/usr/bin/env bash
# The cost of the drift check through the real jar (issue 21): wall time of a plain `check`, of `check
# --against-anchor`, and of main's job with both checks (`check --against HEAD~1` then `check --against-anchor`),
# N rounds, interleaved so that the machine's load falls on all three alike; prints each one's median and the ratios.
#
#   scripts/drift-walltime.sh [N]     (default 5)
#
# In a temporary git repository holding the demo suite, an accepted baseline (the anchor) and one more commit. Every
# run starts a fresh embedded PostgreSQL; the jar is target/perfgate.jar (or PERFGATE_JAR). Needs git and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PERFGATE_JAR:-$here/target/perfgate.jar}"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
runs="${1:-5}"
work="$(mktemp -d /tmp/perfgate-driftcost-XXXXXX)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$work"
mkdir -p bench
cp -r "$here/src/main/resources/suites/tviews" bench/tviews
rm -f bench/tviews/baseline.json
printf '/*\n!/bench/\n!/.gitignore\n' > .gitignore
pg() { java -jar "$jar" "$@"; }
commit() { git add -A && git -c user.name=m -c user.email=m@m commit -qm "$1"; }
git init -q -b main && commit suite
pg check bench/tviews -o anchor.json --history scratch.jsonl >/dev/null 2>&1
pg baseline accept anchor.json --suite bench/tviews --reason anchor --yes >/dev/null
commit "accept the baseline"
echo "-- one more commit" >> bench/tviews/single_row_update.sql
commit "a change"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
: > plain.txt; : > anchor.txt; : > job.txt
for i in $(seq "$runs"); do
  seconds pg check bench/tviews -o p.json --history h.jsonl >> plain.txt
  seconds pg check bench/tviews --against-anchor -o a.json --history h.jsonl >> anchor.txt
  t0=$(date +%s.%N)
  pg check bench/tviews --against HEAD~1 -o j1.json --history h.jsonl >/dev/null 2>&1 || true
  pg check bench/tviews --against-anchor -o j2.json --history h.jsonl >/dev/null 2>&1 || true
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc >> job.txt
  echo "round $i: plain $(tail -1 plain.txt) s, anchor $(tail -1 anchor.txt) s, main job $(tail -1 job.txt) s"
done
python3 - <<'PY'
import statistics as s
m = {k: s.median(float(x) for x in open(k + ".txt") if x.strip()) for k in ("plain", "anchor", "job")}
print("median wall time: check %.1f s, check --against-anchor %.1f s (%.2fx), main job with both checks %.1f s (%.2fx)"
      % (m["plain"], m["anchor"], m["anchor"] / m["plain"], m["job"], m["job"] / m["plain"]))
PY
