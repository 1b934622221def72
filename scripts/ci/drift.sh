#!/usr/bin/env bash
# Main's per-commit change and its drift, both A/B in one session, both recorded in main's history (issue 21):
#   parent  perfgate check SUITE --against HEAD~1   the commit's own change (run before the action's own check),
#           and the output anchor-args: --against-anchor when the suite's baseline names an anchor commit this
#           clone has, so that the action's own check is the drift check (its verdict, reports, trends and history
#           entry take the usual path); without one, a warning says why and the check runs as before
#   ledger  perfgate history drift                  the drift ledger, into the job summary (run after it)
#   gate    fails the job when the commit itself regressed against its parent This step never fails the job itself: its exit code is the
# output parent-exit-code, which the action's "Gate on the commit's own change" step acts on after the rest ran.
# Needs the whole history (actions/checkout with fetch-depth: 0): the anchor commit may be far back.
# Inputs (environment): PERFGATE_JAR, INPUT_SUITE, INPUT_HISTORY, INPUT_OUT, INPUT_DRIFT_STEP (parent|ledger).
# Outputs: anchor-args, parent-exit-code, parent-verdict, parent-markdown.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

if [ -z "${PERFGATE_JAR:-}" ] || [ ! -f "$PERFGATE_JAR" ]; then
  ci_error "perfgate jar not found" "PERFGATE_JAR=${PERFGATE_JAR:-} is not a file: the jar step before this one finds or builds it"
  exit 1
fi
suite="${INPUT_SUITE:-}"
if [ -z "$suite" ]; then
  ci_error "drift needs a suite folder" "the anchor is a commit of the suite's repository: give the action's suite input"
  exit 1
fi
out="${INPUT_OUT:-perfgate-out}"
history="${INPUT_HISTORY:-$out/history.jsonl}"
mkdir -p "$out/parent"

case "${INPUT_DRIFT_STEP:-parent}" in
  parent)
    # shellcheck disable=SC2086 # PERFGATE_JAVA_OPTS holds several JVM options
    anchor="$(java ${PERFGATE_JAVA_OPTS:-} -jar "$PERFGATE_JAR" baseline show --suite "$suite" 2>/dev/null \
      | sed -n 's/^  anchor: commit \([0-9a-f]*\),.*/\1/p' | head -n 1)"
    if [ -z "$anchor" ]; then
      ci_warning "no drift check" "$suite/baseline.json names no anchor commit (none accepted yet, or accepted outside git): accept one with perfgate baseline accept to measure main's drift"
      ci_output anchor-args ""
    elif ! git cat-file -e "$anchor^{commit}" 2>/dev/null; then
      ci_warning "no drift check" "the anchor commit $anchor is not in this clone: check out with fetch-depth: 0, or re-anchor (perfgate baseline accept) if the history was rewritten"
      ci_output anchor-args ""
    else
      ci_output anchor-args "--against-anchor"
    fi
    if ! git rev-parse --verify --quiet HEAD~1 >/dev/null; then
      echo "perfgate: the first commit has no parent: no per-commit change to measure"
      ci_output parent-exit-code 0
      exit 0
    fi
    # shellcheck disable=SC2086 # PERFGATE_JAVA_OPTS holds several JVM options
    java ${PERFGATE_JAVA_OPTS:-} -jar "$PERFGATE_JAR" check "$suite" --against HEAD~1 --history "$history" \
      -o "$out/parent/results.json" --base-output "$out/parent/results-base.json" \
      --format markdown,json --out "$out/parent/reports"
    code=$?
    verdict=error
    if [ -f "$out/parent/reports/comparison.json" ] && [ "$code" != 2 ]; then
      verdict="$(sed -n 's/.*"verdict" *: *"\([a-z]*\)".*/\1/p' "$out/parent/reports/comparison.json" | head -n 1)"
    fi
    ci_output parent-exit-code "$code"
    ci_output parent-verdict "$verdict"
    ci_output parent-markdown "$out/parent/reports/comparison.md"
    if [ -f "$out/parent/reports/comparison.md" ]; then
      ci_summary "$(printf '## This commit against its parent (HEAD~1)\n')"
      ci_summary "$(cat "$out/parent/reports/comparison.md")"
    fi
    exit 0 ;;
  ledger)
    # shellcheck disable=SC2086 # PERFGATE_JAVA_OPTS holds several JVM options
    ledger="$(java ${PERFGATE_JAVA_OPTS:-} -jar "$PERFGATE_JAR" history drift --history "$history" 2>&1)"
    echo "$ledger"
    # shellcheck disable=SC2016 # the backquotes are Markdown's code fence
    ci_summary "$(printf '## Drift since the anchor\n\n```\n%s\n```\n' "$ledger")"
    exit 0 ;;
  gate)
    code="${PARENT_EXIT_CODE:-}"
    case "$code" in
      0) exit 0 ;;
      1) ci_error "performance regression in this commit" "against its parent (HEAD~1): $(ci_where)"; exit 1 ;;
      *) ci_error "perfgate could not measure this commit against its parent" "see the log of the step before"; exit 2 ;;
    esac ;;
  *)
    ci_error "unknown drift step" "INPUT_DRIFT_STEP=${INPUT_DRIFT_STEP}: use parent, ledger or gate"
    exit 1 ;;
esac
