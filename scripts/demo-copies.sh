# shellcheck shell=bash
# Helpers the measurement scripts share (sourced, not run): changes made to a copy of the demo suite, and the
# tally of verdict lines. Needs python3.

# Every read-model rebuild builds the JSONB document twice: about +20 % on single_row_update, about 2x where
# the rebuild dominates (cascade_10_entities, bulk_1k_rows).
slow_trigger() { # the copy's _suite.sql
  python3 - "$1" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "LANGUAGE sql AS $$\n    INSERT INTO tviews.tv_product (product_id, data)"
assert old in s, "the refresh function changed: update scripts/demo-copies.sh"
open(p, "w").write(s.replace(old, "LANGUAGE sql AS $$\n    SELECT tviews.tv_product_build(p_id);\n"
                                  "    INSERT INTO tviews.tv_product (product_id, data)"))
PY
}

tally() { # label, then lines of "verdict ..." on stdin
  python3 -c '
import sys, collections
label = sys.argv[1]
lines = [l.split()[0] for l in sys.stdin if l.strip()]
c = collections.Counter(lines)
print("%s: %d runs: %d pass, %d warn, %d fail" % (label, len(lines), c["pass"], c["warn"], c["fail"]))
' "$1"
}
