#!/usr/bin/env bash
# Sensitivity on demand through the real jar, on copies of the demo suite, and the counts and times it prints:
#
#   scripts/sensitivity-runs.sh N [K]
#
# N rounds (default 20), each running, in this order, with a fresh embedded PostgreSQL every time:
#   plain      check bench/tviews                                   (the time a check --against is measured against)
#   unchanged  check bench/same --against bench/tviews              (a byte-identical copy: must pass)
#   detect     the same with --detect 2%                            (could detect at most 2 %, and at what cost)
#   ten        check bench/ten --against bench/tviews               (products_changed() does K more rows of work:
#                                                                     about +10 % on single_row_update; K default 200)
#   slowed     check bench/slowed --against bench/tviews            (every read-model rebuild builds twice: +20-70 %)
# then prints, per variant, the verdict counts, the median wall time and its ratio to plain, and
# single_row_update's change, "could detect" and pairs. The jar is target/perfgate.jar (./perfgate builds it).
# Needs python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PERFGATE_JAR:-$here/target/perfgate.jar}"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
runs="${1:-20}"
work_rows="${2:-200}"
work="$(mktemp -d /tmp/perfgate-sensitivity-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# shellcheck source=scripts/demo-copies.sh
. "$here/scripts/demo-copies.sh"
mkdir -p bench
cp -r "$here/src/main/resources/suites/tviews" bench/tviews
cp -r bench/tviews bench/same
cp -r bench/tviews bench/ten
cp -r bench/tviews bench/slowed

python3 - bench/ten/_suite.sql "$work_rows" <<'EOF'
import sys
p, k = sys.argv[1], sys.argv[2]
s = open(p).read()
old = "BEGIN\n    PERFORM tviews.tv_product_refresh(NEW.id);"
assert old in s, "products_changed() changed: update scripts/sensitivity-runs.sh"
open(p, "w").write(s.replace(old, "BEGIN\n    PERFORM count(*) FROM generate_series(1, %s);\n"
                                  "    PERFORM tviews.tv_product_refresh(NEW.id);" % k))
EOF
slow_trigger bench/slowed/_suite.sql

: > runs.txt
for i in $(seq "$runs"); do
  for variant in plain unchanged detect ten slowed; do
    case $variant in
      plain) args=(check bench/tviews) ;;
      unchanged) args=(check bench/same --against bench/tviews) ;;
      detect) args=(check bench/same --against bench/tviews --detect 2%) ;;
      ten) args=(check bench/ten --against bench/tviews) ;;
      slowed) args=(check bench/slowed --against bench/tviews) ;;
    esac
    start=$(date +%s.%N)
    java -jar "$jar" "${args[@]}" --format json --out "o-$variant-$i" --history "h-$variant.jsonl" \
      -o "r-$variant-$i.json" --base-output "b-$variant-$i.json" >/dev/null 2>"e-$variant-$i.txt" || true
    end=$(date +%s.%N)
    python3 - "$variant" "$start" "$end" "o-$variant-$i/comparison.json" <<'EOF' | tee -a runs.txt
import json, os, sys
variant, start, end, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
line = {"variant": variant, "wall": end - start}
if os.path.exists(path):
    c = json.load(open(path))
    line["verdict"] = c["verdict"]
    for b in c["benchmarks"]:
        line[b["name"]] = {k: b.get(k) for k in ("verdict", "change", "detectable", "pairs", "looks", "stopped")}
print(json.dumps(line))
EOF
  done
done

python3 - "$runs" <<'EOF'
import collections, json, statistics, sys
rows = [json.loads(l) for l in open("runs.txt")]
by = collections.defaultdict(list)
for r in rows:
    by[r["variant"]].append(r)
plain = statistics.median(r["wall"] for r in by["plain"])
print("\n%d rounds; plain check: median %.1f s" % (int(sys.argv[1]), plain))
for v in ("unchanged", "detect", "ten", "slowed"):
    rs = by[v]
    verdicts = collections.Counter(r.get("verdict", "error") for r in rs)
    wall = statistics.median(r["wall"] for r in rs)
    print("%-9s %d runs: %d pass, %d warn, %d fail, %d other; wall median %.1f s = %.2fx plain" % (
        v, len(rs), verdicts["pass"], verdicts["warn"], verdicts["fail"],
        len(rs) - verdicts["pass"] - verdicts["warn"] - verdicts["fail"], wall, wall / plain))
    s = [r["single_row_update"] for r in rs if "single_row_update" in r]
    if s:
        d = sorted(100 * x["detectable"] for x in s if x["detectable"] is not None)
        ch = [100 * x["change"] for x in s if x["change"] is not None]
        sv = collections.Counter(x["verdict"] for x in s)
        print("          single_row_update: change median %+.1f %% (%+.1f..%+.1f); could detect median %.2f %% "
              "(%.2f..%.2f), at most 2 %% in %d, at most 3 %% in %d; pairs median %d; verdicts %s; stopped %s" % (
                  statistics.median(ch), min(ch), max(ch), statistics.median(d), d[0], d[-1],
                  sum(x <= 2 for x in d), sum(x <= 3 for x in d), statistics.median(x["pairs"] for x in s),
                  dict(sv), dict(collections.Counter(x["stopped"] for x in s))))
    others = collections.Counter()
    for r in rs:
        for name, b in r.items():
            if isinstance(b, dict) and b.get("verdict") not in ("ok", None):
                others[(name, b["verdict"])] += 1
    if others:
        print("          benchmarks not ok: " + ", ".join("%s %s x%d" % (n, vd, c) for (n, vd), c in sorted(others.items())))
EOF
