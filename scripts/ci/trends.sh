#!/usr/bin/env bash
# After a run on main: the change points over the whole history (perfgate history analyze) into the job summary,
# and the trend page (perfgate history plot: one PNG per benchmark and a self-contained index.html) into
# $out/trends, with the suite's reviewed baseline drawn when it has one.
# Inputs (environment): PERFGATE_JAR, INPUT_OUT, INPUT_SUITE, and the check step's outputs HISTORY and
# HISTORY_APPENDED, else read from check.sh's env file (nothing is drawn when the run did not reach the history).
# Output: trends (the folder). A history perfgate cannot read is an error (exit 2), never a verdict.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

out="${INPUT_OUT:-perfgate-out}"
suite="${INPUT_SUITE:-}"
HISTORY="${HISTORY:-$(ci_recorded history)}"
if [ "${HISTORY_APPENDED:-$(ci_recorded history-appended)}" != true ]; then
  echo "perfgate: this run was not added to the history (see the perfgate step), so no trends are drawn"
  exit 0
fi
: "${HISTORY:?HISTORY is not set: the check step names the history it appended to}"
trends="$out/trends"
mkdir -p "$trends"

# The run's suite name, so that a history shared by several suites is drawn one suite at a time.
name=""
if [ -f "$out/results.json" ]; then
  name=$(sed -n 's/^  "suite" : "\([^"\\]*\)",$/\1/p' "$out/results.json" | head -n 1)
fi
only=()
if [ -n "$name" ]; then only=(--suite "$name"); fi
baseline=()
if [ -n "$suite" ] && [ -f "$suite/baseline.json" ]; then baseline=(--baseline "$suite/baseline.json"); fi

if ! java -jar "$PERFGATE_JAR" history analyze --history "$HISTORY" "${only[@]}" > "$trends/change-points.txt"; then
  ci_error "perfgate could not do its job" "history analyze failed on $HISTORY (see the message above)"
  exit 2
fi
cat "$trends/change-points.txt"
fence='```'
ci_summary "$(printf '### perfgate: change points over the history\n\n%s\n%s\n%s\n' "$fence" "$(cat "$trends/change-points.txt")" "$fence")"
if ! java -jar "$PERFGATE_JAR" history plot --history "$HISTORY" "${only[@]}" "${baseline[@]}" --out "$trends"; then
  ci_error "perfgate could not do its job" "history plot failed on $HISTORY (see the message above)"
  exit 2
fi
ci_output trends "$trends"
