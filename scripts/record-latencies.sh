#!/usr/bin/env bash
# Records real latency series for the accuracy benchmark (dev.perfgate.accuracy.RecordedLatencies):
#   scripts/record-latencies.sh [ROUND...]        (default rounds 1 2 3; about 2 minutes per round on 2 cores)
# Each round runs each update benchmark of the demo suite once, each in its own `perfgate run` (a fresh
# embedded server), and writes src/test/resources/accuracy/<benchmark>-<round>.txt with
# scripts/latencies-resource.py. Other work on the machine is left running, as on a CI runner; the load average
# before and after each run goes into the file's header. Add new rounds to src/test/resources/accuracy/index.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=("$@")
[ ${#rounds[@]} -gt 0 ] || rounds=(1 2 3)
out="$here/src/test/resources/accuracy"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
load() { cut -d' ' -f1 /proc/loadavg; }

for round in "${rounds[@]}"; do
  for spec in single_row_update:3000 cascade_10_entities:3000 bulk_1k_rows:1000; do
    bench="${spec%%:*}" iterations="${spec##*:}"
    before="$(load)"
    (cd "$here" && ./perfgate run -b "$bench" --iterations "$iterations" -o "$tmp/$bench.json" >"$tmp/$bench.log" 2>&1) \
      || { cat "$tmp/$bench.log" >&2; exit 2; }
    after="$(load)"
    "$here/scripts/latencies-resource.py" "$tmp/$bench.json" "./perfgate run -b $bench --iterations $iterations" \
      "$before" "$after" >"$out/$bench-$round.txt"
    echo "$bench round $round: load $before -> $after" >&2
  done
done
