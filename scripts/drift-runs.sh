#!/usr/bin/env bash
# Shows the drift check through the real jar: a chain of commits on a copy of the demo suite, each making the
# read-model rebuild (tviews.tv_product_refresh) about 3-4 % slower than its parent, and the counts issue 21 asks for:
#
#   scripts/drift-runs.sh [N] [M] [WORK]
#     N     runs of `check --against-anchor` at the fourth commit (must fail on drift) and at the first (must pass)
#           (default 10)
#     M     runs of `check --against HEAD~1` at each of the four commits (must pass or warn, never fail) (default 3)
#     WORK  32-byte blocks hashed per rebuild and commit, the extra work (default 32: about +3.5 % on bulk_1k_rows,
#           which is 1,000 rebuilds; about +1.5-2 % on single_row_update, one rebuild and the update)
#
# Then the anchor refused once its commit is gone (history rewritten), and `history drift` on main's history (one
# parent check and one anchor check per commit, as the main-branch job records them). Every run uses a fresh
# embedded PostgreSQL, in a temporary git repository; the jar is target/perfgate.jar. Needs git and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${PERFGATE_JAR:-$here/target/perfgate.jar}"
[ -f "$jar" ] || "$here/perfgate" --version >/dev/null
runs="${1:-10}"
parent_runs="${2:-3}"
work_bytes="${3:-32}"
work="$(mktemp -d /tmp/perfgate-drift-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p bench
cp -r "$here/src/main/resources/suites/tviews" bench/tviews
rm -f bench/tviews/baseline.json
pg() { java -jar "$jar" "$@"; }
# shellcheck source=scripts/demo-copies.sh
. "$here/scripts/demo-copies.sh"
commit() { git add -A && git -c user.name=m -c user.email=m@m commit -qm "$1"; }

# Commit k hashes k x WORK x 32 bytes more in every rebuild of a product's document: the same plan, rows, buffers
# and WAL (the document does not change), only more CPU, so the counters stay put and time alone tells. The hashed
# text depends on the product's id: a constant would be folded once when the statement is planned and cost nothing.
# Measured: 80 blocks over the hook with 0 made bulk_1k_rows 8.7 % slower [6.6 %, 10.8 %] (one A/B run).
slower() {
  python3 - bench/tviews/_suite.sql "$1" "$work_bytes" <<'EOF'
import re, sys
p, k, w = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = open(p).read()
plain = "VALUES (p_id, tviews.tv_product_build(p_id))"
slowed = re.compile(r"VALUES \(p_id, tviews\.tv_product_build\(p_id \+ 0 \* length\(md5\(repeat\(md5\(p_id::text\), \d+\)\)\)\)\)")
new = "VALUES (p_id, tviews.tv_product_build(p_id + 0 * length(md5(repeat(md5(p_id::text), %d)))))" % (k * w)
if slowed.search(s):
    s = slowed.sub(new, s)
else:
    assert plain in s, "the refresh function changed: update scripts/drift-runs.sh"
    s = s.replace(plain, new)
open(p, "w").write(s)
EOF
}

verdict() { # overall verdict and the worst change from a comparison file
  python3 - "$1" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
worst = max(c["benchmarks"], key=lambda b: b.get("change") or -1)
print(c["verdict"], "%s=%s(%+.1f%%)" % (worst["name"], worst["verdict"], 100 * (worst.get("change") or 0)))
EOF
}

# the anchor holds the hook with no extra work (its fixed cost, three function calls, is then on both sides)
slower 0
printf '/*\n!/bench/\n!/.gitignore\n' > .gitignore # results, reports and histories stay out of the commits
git init -q -b main && commit suite
# the anchor: the first commit measured and accepted, the baseline committed as a reviewer would
pg check bench/tviews -o anchor.json --history scratch.jsonl >/dev/null 2>&1
pg baseline accept anchor.json --suite bench/tviews --reason "release 1.4" --yes >/dev/null
commit "accept the baseline"
for k in 1 2 3 4; do
  slower "$k"
  commit "slower $k"
  git rev-parse HEAD > "c$k"
  # main's job: the commit against its parent and against the anchor, both into main's history
  pg check bench/tviews --against HEAD~1 --format json --out "main-p$k" --history main.jsonl >/dev/null 2>&1 || true
  echo "commit $k against its parent: $(verdict "main-p$k/comparison.json")"
  pg check bench/tviews --against-anchor --format json --out "main-a$k" --history main.jsonl >/dev/null 2>&1 || true
  echo "commit $k against the anchor: $(verdict "main-a$k/comparison.json")"
done

: > parent.txt
for k in 1 2 3 4; do
  git checkout -q "$(cat "c$k")"
  for i in $(seq "$parent_runs"); do
    pg check bench/tviews --against HEAD~1 --format json --out "p$k-$i" --history h.jsonl >/dev/null 2>"ep$k-$i.txt" \
      || true
    echo "commit $k: $(verdict "p$k-$i/comparison.json")" | tee -a parent.txt
  done
done
sed 's/^commit [0-9]: //' parent.txt | tally "check --against HEAD~1, commits 1-4 (each about 3-4 % slower)"

for k in 4 1; do
  git checkout -q "$(cat "c$k")"
  : > "anchor$k.txt"
  for i in $(seq "$runs"); do
    pg check bench/tviews --against-anchor --format json --out "a$k-$i" --history h.jsonl >/dev/null 2>"ea$k-$i.txt" \
      || true
    verdict "a$k-$i/comparison.json" | tee -a "anchor$k.txt"
  done
  tally "check --against-anchor at commit $k" < "anchor$k.txt"
done
git checkout -q main

echo "--- history drift (main's history: one parent check and one anchor check per commit)"
pg history drift --history main.jsonl

echo "--- the anchor commit gone (history rewritten)"
git checkout -q --orphan rewritten && commit "rewritten" && git branch -D main -q && git reflog expire --expire=now --all \
  && git gc -q --prune=now
set +e
pg check bench/tviews --against-anchor --history scratch.jsonl >/dev/null 2>err.txt
echo "exit $?: $(cat err.txt)"
