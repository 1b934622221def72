#!/usr/bin/env bash
# Judges the gate through the real jar, as a CI pipeline would, and prints the counts:
#
#   scripts/gate-runs.sh ab N          # N x `check --against HEAD` on unchanged code, then N x with a slowed trigger,
#                                      # then N x slowed with --no-counters (time alone must catch it)
#   scripts/gate-runs.sh unchanged N   # only the first part of ab
#   scripts/gate-runs.sh slowed N      # only the slowed parts of ab
#   scripts/gate-runs.sh counters N    # N unchanged runs compared with the first (counter stability), then
#                                      # N runs of a copy without the reviews index, stored baseline and --against
#   scripts/gate-runs.sh walltime N    # wall time: check, check --no-counters, check --against HEAD (N each, interleaved)
#   scripts/gate-runs.sh cost N [JAR]  # the counters' cost: check and check --no-counters (N each, interleaved), wall
#                                      # and CPU time; with JAR (e.g. the jar before a change) its two runs join each round
#
# Every run uses a fresh embedded PostgreSQL. Work happens in a temporary git repository holding a copy of the
# demo suite; the jar is target/perfgate.jar (./perfgate builds it). Needs git and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/perfgate.jar"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
mode="${1:-ab}"
runs="${2:-20}"
other_jar="${3:+$(realpath "$3")}"
work="$(mktemp -d /tmp/perfgate-gate-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p bench
cp -r "$here/src/main/resources/suites/tviews" bench/tviews
git init -q && git add . && git -c user.name=m -c user.email=m@m commit -qm suite
pg() { java -jar "$jar" "$@"; }
# shellcheck source=scripts/demo-copies.sh
. "$here/scripts/demo-copies.sh"

drop_index() {
  sed -i 's/^CREATE INDEX reviews_product_idx ON reviews (product_id);/-- reviews_product_idx dropped/' "$1"
}

# verdict per benchmark and overall from a comparison file: "fail single_row_update=regression ..."
verdicts() {
  python3 - "$1" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
parts = []
for b in c["benchmarks"]:
    extra = ""
    if "counters" in b:
        extra = "/time=" + b["time_verdict"] + "/counters=" + b["counters"]["verdict"] + \
            ("+plan" if "plan_change" in b["counters"] else "")
    d = b.get("detectable")
    parts.append("%s=%s%s(%+.1f%%,detect %s)" % (b["name"], b["verdict"], extra, 100 * (b["change"] or 0),
                 "-" if d is None else "%.1f%%" % (100 * d)))
print(c["verdict"], " ".join(parts))
EOF
}

unchanged() {
  : > unchanged.txt
  for i in $(seq "$runs"); do
    pg check bench/tviews --against HEAD --format json --out "r$i" --history h.jsonl >/dev/null 2>"e$i.txt" || true
    verdicts "r$i/comparison.json" | tee -a unchanged.txt
  done
  tally "unchanged code, check --against HEAD" < unchanged.txt
  python3 - <<'EOF'
import re, statistics
d = [float(m) for m in re.findall(r"single_row_update=\S*?detect ([\d.]+)%", open("unchanged.txt").read())]
print("single_row_update could detect: median %.1f %%, %.1f-%.1f %%, at most 5 %% in %d of %d runs"
      % (statistics.median(d), min(d), max(d), sum(x <= 5 for x in d), len(d)))
EOF
}

ab() {
  unchanged
  slowed
}

slowed() {
  slow_trigger bench/tviews/_suite.sql
  : > slowed.txt
  for i in $(seq "$runs"); do
    pg check bench/tviews --against HEAD --format json --out "s$i" --history h.jsonl >/dev/null 2>"f$i.txt" || true
    verdicts "s$i/comparison.json" | tee -a slowed.txt
  done
  : > slowed-time.txt
  for i in $(seq "$runs"); do
    pg check bench/tviews --against HEAD --no-counters --format json --out "t$i" --history h.jsonl >/dev/null \
      2>"g$i.txt" || true
    verdicts "t$i/comparison.json" | tee -a slowed-time.txt
  done
  tally "slowed trigger, check --against HEAD" < slowed.txt
  tally "slowed trigger, check --against HEAD --no-counters (time alone)" < slowed-time.txt
  echo "single_row_update caught by time alone: $(grep -c 'single_row_update=regression' slowed-time.txt || true) of $runs"
}

counters() {
  pg run bench/tviews -o first.json >/dev/null 2>&1
  : > stable.txt
  for i in $(seq "$runs"); do
    pg run bench/tviews -o "u$i.json" >/dev/null 2>&1
    pg compare first.json "u$i.json" --format json > "c$i.json" 2>/dev/null || true
    python3 - "c$i.json" <<'EOF' | tee -a stable.txt
import json, sys
c = json.load(open(sys.argv[1]))
moved = [(b["name"], ch["counter"], ch["base"], ch["current"], ch["verdict"]) for b in c["benchmarks"]
         if "counters" in b for ch in b["counters"]["changes"]]
gated = [m for m in moved if m[4] != "ok"]
plans = [b["name"] for b in c["benchmarks"] if "counters" in b and "plan_change" in b["counters"]]
print("gated-counter-changes=%d plan-changes=%d moved=%s" % (len(gated), len(plans), moved))
EOF
  done
  cp first.json bench/tviews/baseline.json
  cp -r bench/tviews bench/noindex && drop_index bench/noindex/_suite.sql && cp first.json bench/noindex/baseline.json
  : > noindex.txt
  for i in $(seq "$runs"); do
    pg check bench/noindex --format json --out "n$i" --history n.jsonl >/dev/null 2>&1 || true
    echo "baseline $(verdicts "n$i/comparison.json")" | tee -a noindex.txt
    pg check bench/noindex --against bench/tviews --format json --out "a$i" --history n.jsonl >/dev/null 2>&1 || true
    echo "against $(verdicts "a$i/comparison.json")" | tee -a noindex.txt
  done
  echo "unchanged runs with a gated counter change: $(grep -vc 'gated-counter-changes=0 plan-changes=0' stable.txt || true) of $runs"
  echo "no-index copy failing on counters, stored baseline: $(grep '^baseline fail' noindex.txt | grep -c 'counters=regression' || true) of $runs"
  echo "no-index copy failing on counters, --against: $(grep '^against fail' noindex.txt | grep -c 'counters=regression' || true) of $runs"
}

walltime() {
  for i in $(seq "$runs"); do
    for variant in plain nocounters ab; do
      case $variant in
        plain) args=(check bench/tviews) ;;
        nocounters) args=(check bench/tviews --no-counters) ;;
        ab) args=(check bench/tviews --against HEAD) ;;
      esac
      start=$(date +%s.%N)
      pg "${args[@]}" --history "w-$variant.jsonl" -o "w-$variant.json" >/dev/null 2>&1 || true
      end=$(date +%s.%N)
      echo "$variant $(python3 -c "print('%.1f' % ($end - $start))")" | tee -a wall.txt
    done
  done
  python3 - <<'EOF'
import collections, statistics
t = collections.defaultdict(list)
for line in open("wall.txt"):
    v, s = line.split(); t[v].append(float(s))
m = {v: statistics.median(s) for v, s in t.items()}
for v in ("plain", "nocounters", "ab"):
    print("%-11s median %.1f s over %d runs %s" % (v, m[v], len(t[v]), t[v]))
print("counters add %+.0f %% to check; check --against takes %.2fx a plain check" %
      (100 * (m["plain"] / m["nocounters"] - 1), m["ab"] / m["plain"]))
EOF
}

# Runs a command; prints its wall time and the CPU time (user + system) of it and everything it started, the
# embedded server's processes included: they outlive the command's own children (pg_ctl daemonizes the server),
# so this process adopts orphans (a child subreaper) and waits for them. CPU time hardly moves with other load.
cpu_and_wall() {
  python3 - "$@" <<'EOF'
import ctypes, os, resource, subprocess, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
start = time.time()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.time() - start
deadline = time.time() + 60
while time.time() < deadline:  # the server, stopped by the command, exits a moment later
    try:
        if os.waitpid(-1, os.WNOHANG) == (0, 0): time.sleep(0.05)
    except ChildProcessError:
        break
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f %.2f" % (wall, ru.ru_utime + ru.ru_stime))
EOF
}

cost() {
  : > cost.txt
  for i in $(seq "$runs"); do
    order="counters nocounters other-counters other-nocounters"
    [ $((i % 2)) = 1 ] || order="other-nocounters other-counters nocounters counters" # whoever runs first, half each
    for variant in $order; do
      j="$jar"
      case $variant in other-*) [ -n "$other_jar" ] || continue; j="$other_jar" ;; esac
      args=(check bench/tviews)
      case $variant in *nocounters) args+=(--no-counters) ;; esac
      times=$(cpu_and_wall java -jar "$j" "${args[@]}" --history "c-$variant.jsonl" -o "c-$variant.json" 2>err.txt)
      suite=$(sed -n 's/.*suite ran in \([0-9.]*\) s.*/\1/p' err.txt)
      echo "$variant $times ${suite:-nan}" | tee -a cost.txt
    done
  done
  python3 - <<'EOF'
import collections, statistics
wall, cpu, suite = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
for line in open("cost.txt"):
    v, w, c, s = line.split(); wall[v].append(float(w)); cpu[v].append(float(c)); suite[v].append(float(s))
for name, t in (("wall", wall), ("cpu", cpu), ("suite ran in", suite)):
    m = {v: statistics.median(s) for v, s in t.items()}
    for v in t:
        print("%-12s %-16s median %.2f s over %d runs %s" % (name, v, m[v], len(t[v]), t[v]))
    for prefix, label in (("", "this jar"), ("other-", "other jar")):
        if prefix + "counters" in m:
            pairs = [c / n - 1 for c, n in zip(t[prefix + "counters"], t[prefix + "nocounters"])]
            print("%s, %s: counters add %+.1f %% (%+.2f s) by medians; median of the rounds' ratios %+.1f %%" % (
                label, name, 100 * (m[prefix + "counters"] / m[prefix + "nocounters"] - 1),
                m[prefix + "counters"] - m[prefix + "nocounters"], 100 * statistics.median(pairs)))
EOF
}

"$mode"
