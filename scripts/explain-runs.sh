#!/usr/bin/env bash
# Shows, through the real jar, that perfgate explains a regression (issue 20), and prints counts over N runs:
#
#   scripts/explain-runs.sh trigger N    # N x `check --against HEAD -b single_row_update` with a trigger that sums
#                                        # extra generated rows in every rebuild: how often the largest share names it;
#                                        # then N x on unchanged code: how often any benchmark names a share at all
#   scripts/explain-runs.sh index        # a dropped index: the statement whose plan flipped, with both trees
#   scripts/explain-runs.sh results      # a function changed so a read returns other rows: "results differ", then
#                                        # the same with --fail-on-different-results (exit 1)
#   scripts/explain-runs.sh data         # the candidate's reviews table loaded with 10 % more rows: the line naming it
#   scripts/explain-runs.sh extension    # the pgwork test extension, a build doing 25 % more work in its C function
#                                        # (needs PostgreSQL 15 in /usr/lib/postgresql/15/bin, its pg_config, make, cc)
#   scripts/explain-runs.sh cost N       # attribution's cost: check and check --against HEAD, each with and without
#                                        # --no-attribution, N rounds (default 10) interleaved, the order reversed
#                                        # every other round; wall time per command and the median per-round ratio
#
# Every run uses a fresh embedded PostgreSQL, in a temporary git repository holding a copy of the demo suite plus a
# read of the read model (read_model.sql). The jar is target/perfgate.jar (./perfgate builds it; PERFGATE_JAR=FILE
# uses another copy, so a build during a long run does not change it). Needs git, python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PERFGATE_JAR:-$here/target/perfgate.jar}"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
mode="${1:-trigger}"
runs="${2:-10}"
case "$runs" in ''|*[!0-9]*|0) echo "explain-runs.sh: N must be a whole number of runs or rounds, 1 or more (got '$runs')" >&2; exit 2 ;; esac
work="$(mktemp -d /tmp/perfgate-explain-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p bench
cp -r "$here/src/main/resources/suites/tviews" bench/tviews
cat > bench/tviews/read_model.sql <<'EOF'
-- Ten products' documents from the read model.
-- perfgate: unit=ms direction=lower
-- perfgate:param id = int(1, 1990)

-- perfgate:run
SELECT product_id, data FROM tviews.tv_product WHERE product_id BETWEEN :id AND :id + 9;
EOF
git init -q && git add . && git -c user.name=m -c user.email=m@m commit -qm suite
pg() { java -jar "$jar" "$@"; }

edit() { # file, old, new
  python3 - "$@" <<'EOF'
import sys
p, old, new = sys.argv[1:4]
s = open(p).read()
assert old in s, "the demo suite changed: update scripts/explain-runs.sh"
open(p, "w").write(s.replace(old, new))
EOF
}

# The largest share of each benchmark's attribution in a comparison file, one line per benchmark.
shares() {
  python3 - "$1" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
for b in c["benchmarks"]:
    a = b.get("counters", {}).get("attribution")
    if a is None:
        print(b["name"], b["verdict"], "no-attribution")
    elif not a["shares"]:
        print(b["name"], b["verdict"], "none")
    else:
        s = max(a["shares"], key=lambda x: x["share"] or 0)  # call-tree order: the largest need not come first
        print(b["name"], b["verdict"], "first=%s share=%.2f change=%.4fms noise=%.4fms n=%d"
              % (s["text"].replace("\n", " ")[:60].replace(" ", "_"), s["share"] or 0, s["change_ms"],
                 s["noise_ms"], len(a["shares"])))
EOF
}

trigger() {
  edit bench/tviews/_suite.sql "BEGIN
    PERFORM tviews.tv_product_refresh(NEW.id);" "BEGIN
    PERFORM sum(g) FROM generate_series(1, 2000) g;
    PERFORM tviews.tv_product_refresh(NEW.id);"
  : > trigger.txt
  for i in $(seq "$runs"); do
    pg check bench/tviews --against HEAD -b single_row_update --format json --out "t$i" --history h.jsonl \
      >/dev/null 2>"e$i.txt" || true
    shares "t$i/comparison.json" | tee -a trigger.txt
  done
  echo "trigger summing 2,000 generated rows: largest share names products_changed() or its statement in" \
    "$(grep -cE 'first=(products_changed|SELECT_sum)' trigger.txt || true) of $runs runs"
  git checkout -q bench
  : > unchanged.txt
  for i in $(seq "$runs"); do
    pg check bench/tviews --against HEAD --format json --out "u$i" --history h.jsonl >/dev/null 2>"f$i.txt" || true
    shares "u$i/comparison.json" | tee -a unchanged.txt
  done
  echo "unchanged code: $(grep -c . unchanged.txt) benchmark comparisons, a share named in" \
    "$(grep -c 'first=' unchanged.txt || true) (any verdict), in $(grep 'first=' unchanged.txt | grep -cv ' ok ' || true)" \
    "with a verdict other than ok"
}

index() {
  sed -i 's/^CREATE INDEX reviews_product_idx ON reviews (product_id);/-- reviews_product_idx dropped/' \
    bench/tviews/_suite.sql
  pg check bench/tviews --against HEAD -b single_row_update --format text,json,html --out i1 --history h.jsonl \
    2>/dev/null | grep -E "single_row_update( |:)" || true
  python3 - i1/comparison.json <<'EOF'
import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    for p in b.get("counters", {}).get("attribution", {}).get("plan_changes", []):
        print("plan changed:", " ".join(p["text"].split())[:100])
        print("-- before\n" + p["before"] + "\n-- after\n" + p["after"])
EOF
  echo "HTML report with both trees: $(grep -c '<pre class="plan">' i1/comparison.html) plan trees"
}

results() {
  edit bench/tviews/_suite.sql "round(avg(r.rating), 2)" "round(avg(r.rating), 1)"
  set +e
  pg check bench/tviews --against HEAD -b read_model -b single_row_update --history h.jsonl 2>/dev/null \
    | grep -E "read_model|single_row_update|PASS|WARN|FAIL"
  echo "exit code without --fail-on-different-results: ${PIPESTATUS[0]}"
  pg check bench/tviews --against HEAD -b read_model --fail-on-different-results --history h.jsonl 2>/dev/null \
    | grep -E "read_model|FAIL"
  echo "exit code with --fail-on-different-results: ${PIPESTATUS[0]}"
  set -e
}

data() {
  edit bench/tviews/_suite.sql "INSERT INTO inventory (product_id" "INSERT INTO reviews (product_id, rating, body)
SELECT p, 1 + p % 5, 'Extra review of product ' || p FROM generate_series(1, 1000) p;

INSERT INTO inventory (product_id"
  pg check bench/tviews --against HEAD -b single_row_update --format json --out d1 --history h.jsonl 2>&1 \
    | grep -E "databases differ|single_row_update " || true
  python3 -c 'import json,sys; print("in the report:", [w for w in json.load(open(sys.argv[1]))["warnings"] if "differ" in w])' \
    d1/comparison.json
}

extension() {
  local pgbin=/usr/lib/postgresql/15/bin
  for w in 100 125; do # the reference build, and one doing a quarter more work per call
    mkdir -p "ext$w" && cp -r "$here/src/test/resources/extensions/pgwork" "ext$w/src"
    make -s -C "ext$w/src" PG_CONFIG="$pgbin/pg_config" with_llvm=no WORK=$w install DESTDIR="$work/ext$w/stage" \
      >"ext$w/make.log" 2>&1 || { cat "ext$w/make.log"; exit 2; }
  done
  mkdir -p perf
  printf -- '-- perfgate: iterations=30 warmup=3\n-- perfgate:setup\nCREATE EXTENSION pgwork;\n' > perf/_suite.sql
  printf -- '-- perfgate:run\nSELECT sum(pgwork_spin(4000 + g %% 2)) FROM generate_series(1, 10) g;\n' > perf/spin.sql
  pg check perf --pg-bin "$pgbin" --extension "$work/ext125/stage" --against-extension "$work/ext100/stage" \
    --format text,json --out x1 --history h.jsonl -o x1.json --base-output x1-base.json 2>/dev/null \
    | grep -E "spin" || true
}

cost() {
  # N rounds (scripts/explain-runs.sh cost N; default 10), each running the four commands once, in reverse order
  # every other round so that neither side of a with/without pair always runs on the warmer machine
  local cmds=("check" "check --no-attribution" "check --against HEAD" "check --against HEAD --no-attribution")
  : > cost.txt
  for i in $(seq "$runs"); do
    local order=(0 1 2 3)
    [ $((i % 2)) -eq 0 ] && order=(3 2 1 0)
    for k in "${order[@]}"; do
      args="${cmds[$k]}"
      start=$(date +%s.%N)
      pg $args bench/tviews --format json --out "c$i" --history h.jsonl >/dev/null 2>&1 || true
      end=$(date +%s.%N)
      echo "$i|$args|$(python3 -c "print('%.2f' % ($end - $start))")" | tee -a cost.txt
    done
  done
  python3 - <<'EOF'
import collections, statistics
t = collections.defaultdict(dict)
for line in open("cost.txt"):
    i, k, v = line.rstrip("\n").split("|")
    t[k][i] = float(v)
for k, v in t.items():
    x = list(v.values())
    print("%-40s n=%d median %.2f s (%.2f-%.2f)" % (k, len(x), statistics.median(x), min(x), max(x)))
for on, off in (("check", "check --no-attribution"), ("check --against HEAD", "check --against HEAD --no-attribution")):
    r = [t[on][i] / t[off][i] for i in t[on] if i in t[off]]
    if r:
        print("%-40s median of %d rounds' ratios %.3f (%.3f-%.3f)" % ("attribution on/off, " + on, len(r),
              statistics.median(r), min(r), max(r)))
EOF
}

"$mode"
