#!/usr/bin/env bash
# Runs perfgate for CI and records what happened for the steps after it (trends, comment, artifacts, gate).
#   check (default)          perfgate check SUITE: against the pull request's base commit when PR_BASE_SHA is set
#                            (same-session A/B), else against SUITE/baseline.json when there is one; the run is
#                            added to the history.
#   shard (INPUT_SHARD=I/N)  only measures that shard (perfgate run --shard), for a merge job to judge.
#   merge (INPUT_MERGE=DIR)  joins the shards' results found under DIR, then judges them (perfgate merge, compare).
# perfgate's exit code (0 pass, 1 regression, 2 could not do its job) is not this step's: it becomes the output
# exit-code, which gate.sh acts on once the comment and the artifacts are done. This step fails only when it cannot
# start perfgate or a file it needs is missing, and then says which.
# The servers (check and shard): INPUT_PG_BIN (--pg-bin), INPUT_EXTENSION (staged builds separated by spaces or line
# breaks: --extension each), INPUT_SERVER_SETTINGS (NAME=VALUE lines: --server-setting each), and the base side's
# INPUT_AGAINST_PG_BIN, INPUT_AGAINST_EXTENSION, INPUT_AGAINST_SERVER_SETTINGS (--against-...). A run whose base has
# a server of its own is an A/B run, so it is kept out of main's history as an --against run is.
# Inputs (environment): PERFGATE_JAR, and INPUT_SUITE, INPUT_AGAINST, PR_BASE_SHA, INPUT_FORMATS, INPUT_HISTORY,
# INPUT_FAIL_THRESHOLD, INPUT_WARN_THRESHOLD, INPUT_ARGS, INPUT_SHARD, INPUT_MERGE, INPUT_OUT, INPUT_ARTIFACT_NAME.
# Outputs: exit-code, verdict (pass|warn|fail|error|none|measured; none: nothing was compared, exit code 0), reason
# (what decided the verdict, from the JSON report), error, report-dir, markdown, junit, html, json, results,
# base-results, history, history-appended, artifact-name; also written to $out/perfgate.env.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

if [ -z "${PERFGATE_JAR:-}" ] || [ ! -f "$PERFGATE_JAR" ]; then
  ci_error "perfgate jar not found" "PERFGATE_JAR=${PERFGATE_JAR:-} is not a file: the jar step before this one finds or builds it"
  exit 1
fi
out="${INPUT_OUT:-perfgate-out}"
reports="$out/reports"
suite="${INPUT_SUITE:-}"
history="${INPUT_HISTORY:-$out/history.jsonl}"
log="$out/perfgate.log"
export PERFGATE_ENV_FILE="${PERFGATE_ENV_FILE:-$out/perfgate.env}"
# Nothing stale from an earlier run in the same workspace may pass for this run's reports.
rm -rf "$reports"
rm -f "$out/results.json" "$out/results-base.json" "$log" "$PERFGATE_ENV_FILE"
mkdir -p "$out"

# perfgate ARGS...: runs the jar; its messages are shown as they come and kept in $log.
perfgate() {
  local status
  # shellcheck disable=SC2086 # PERFGATE_JAVA_OPTS holds several JVM options
  { java ${PERFGATE_JAVA_OPTS:-} -jar "$PERFGATE_JAR" "$@" 2>&1 1>&3 | tee -a "$log" >&2; status=${PIPESTATUS[0]}; } 3>&1
  return "$status"
}

# each_word OPTION VALUE: OPTION and a word of VALUE, for each word (split at spaces and line breaks, no patterns).
each_word() {
  local word
  local -a words
  read -r -d '' -a words <<< "$2" || true
  for word in "${words[@]}"; do printf '%s\0%s\0' "$1" "$word"; done
}

# each_line OPTION VALUE: OPTION and a line of VALUE, for each line that is not blank (trimmed).
each_line() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then printf '%s\0%s\0' "$1" "$line"; fi
  done <<< "$2"
}

servers=()
if [ -n "${INPUT_PG_BIN:-}" ]; then servers+=(--pg-bin "$INPUT_PG_BIN"); fi
if [ -n "${INPUT_AGAINST_PG_BIN:-}" ]; then servers+=(--against-pg-bin "$INPUT_AGAINST_PG_BIN"); fi
mapfile -d '' -t -O "${#servers[@]}" servers < <(each_word --extension "${INPUT_EXTENSION:-}")
mapfile -d '' -t -O "${#servers[@]}" servers < <(each_word --against-extension "${INPUT_AGAINST_EXTENSION:-}")
mapfile -d '' -t -O "${#servers[@]}" servers < <(each_line --server-setting "${INPUT_SERVER_SETTINGS:-}")
mapfile -d '' -t -O "${#servers[@]}" servers < <(each_line --against-server-setting "${INPUT_AGAINST_SERVER_SETTINGS:-}")

against="${INPUT_AGAINST:-}"
if [ -z "$against" ] && [ -n "${PR_BASE_SHA:-}" ]; then against="$PR_BASE_SHA"; fi
if [ "$against" = none ]; then against=""; fi
ab="${against:+against $against}"
if [ -z "$ab" ] && { [ -n "${INPUT_AGAINST_PG_BIN:-}" ] \
  || [[ "${INPUT_AGAINST_EXTENSION:-}${INPUT_AGAINST_SERVER_SETTINGS:-}" =~ [^[:space:]] ]]; }; then
  ab="with the base on its own server"
fi
if [ -n "$ab" ] && [ "$history" != "$out/history.jsonl" ]; then
  echo "perfgate: A/B $ab: this run is not main's, so it goes to $out/history.jsonl, not to $history"
  history="$out/history.jsonl"
fi

# A shallow checkout lacks the base commit: fetch that one commit (perfgate says what to do if this fails).
if [[ "$against" =~ ^[0-9a-f]{40}$ ]] && ! git cat-file -e "$against^{commit}" 2>/dev/null; then
  echo "perfgate: fetching the base commit $against"
  git fetch --no-tags --quiet --depth=1 origin "$against" || true
fi

formats="${INPUT_FORMATS:-text,markdown,junit,json,html}"
for f in markdown json; do # the comment, the summary and the verdict below read these two
  case ",$formats," in *",$f,"*) ;; *) formats="$formats,$f" ;; esac
done
policy=()
if [ -n "${INPUT_FAIL_THRESHOLD:-}" ]; then policy+=(--fail-threshold "$INPUT_FAIL_THRESHOLD"); fi
if [ -n "${INPUT_WARN_THRESHOLD:-}" ]; then policy+=(--warn-threshold "$INPUT_WARN_THRESHOLD"); fi
# INPUT_ARGS is split at spaces and its file patterns expand, as on a command line without quotes (pgbench bench.*).
extra=()
# shellcheck disable=SC2206
if [ -n "${INPUT_ARGS:-}" ]; then extra=($INPUT_ARGS); fi
suite_arg=()
if [ -n "$suite" ]; then suite_arg=("$suite"); fi
reporting=(--format "$formats" --out "$reports")

code=0
verdict=""
appended=false
if [ -n "${INPUT_MERGE:-}" ]; then
  mapfile -t candidates < <(find "$INPUT_MERGE" -type f -name results.json 2>/dev/null | LC_ALL=C sort)
  mapfile -t bases < <(find "$INPUT_MERGE" -type f -name results-base.json 2>/dev/null | LC_ALL=C sort)
  if [ ${#candidates[@]} -eq 0 ]; then
    ci_error "no shard results" "no results.json under $INPUT_MERGE: download the shard jobs' artifacts there \
(actions/download-artifact with pattern: perfgate-shard-*)"
    exit 1
  fi
  perfgate merge "${candidates[@]}" -o "$out/results.json"
  code=$?
  if [ $code = 0 ] && [ ${#bases[@]} -gt 0 ]; then
    perfgate merge "${bases[@]}" -o "$out/results-base.json" \
      && perfgate compare "$out/results-base.json" "$out/results.json" "${reporting[@]}" "${policy[@]}"
    code=$?
  elif [ $code = 0 ] && [ -n "$suite" ] && [ -f "$suite/baseline.json" ]; then
    perfgate compare "$suite/baseline.json" "$out/results.json" "${reporting[@]}" "${policy[@]}" --history "$history"
    code=$?
    appended=true
  elif [ $code = 0 ]; then
    perfgate history append "$out/results.json" --history "$history"
    code=$?
    appended=true
  fi
elif [ -n "${INPUT_SHARD:-}" ]; then
  perfgate run "${suite_arg[@]}" --shard "$INPUT_SHARD" ${against:+--against "$against"} "${servers[@]}" \
    -o "$out/results.json" --base-output "$out/results-base.json" "${extra[@]}"
  code=$?
  verdict=measured
else
  perfgate check "${suite_arg[@]}" ${against:+--against "$against"} "${servers[@]}" "${reporting[@]}" \
    "${policy[@]}" -o "$out/results.json" --base-output "$out/results-base.json" --history "$history" "${extra[@]}"
  code=$?
  appended=true
fi

if [ "$code" = 2 ]; then
  verdict=error
  appended=false
  ci_output error "$(grep '^perfgate: ' "$log" | tail -n 1 | sed 's/^perfgate: //')"
elif [ -z "$verdict" ] && [ -f "$reports/comparison.json" ]; then
  # perfgate-comparison/1, as perfgate writes it (two spaces before a top-level field): the verdict, whether
  # anything was compared (every benchmark new: no baseline, or a suite new at the base), and what decided it.
  json="$reports/comparison.json"
  verdict=$(sed -n 's/^  "verdict" : "\([a-z]*\)",$/\1/p' "$json" | head -n 1)
  if grep -q '^  "nothing_compared" : true' "$json"; then verdict=none; fi
  ci_output reason "$(sed -n 's/^  "reason" : "\(.*\)",$/\1/p' "$json" | head -n 1 | sed 's/\\"/"/g; s/\\\\/\\/g')"
fi
if [ "$code" = 1 ]; then verdict=fail; fi
if [ -z "$verdict" ]; then verdict=none; fi # nothing was compared

ci_output exit-code "$code"
ci_output verdict "$verdict"
ci_output report-dir "$reports"
for report in markdown:comparison.md junit:perfgate-junit.xml html:comparison.html json:comparison.json; do
  if [ -f "$reports/${report#*:}" ]; then ci_output "${report%%:*}" "$reports/${report#*:}"; fi
done
if [ -f "$out/results.json" ]; then ci_output results "$out/results.json"; fi
if [ -f "$out/results-base.json" ]; then ci_output base-results "$out/results-base.json"; fi
ci_output history "$history"
ci_output history-appended "$appended"
name="${INPUT_ARTIFACT_NAME:-}"
if [ -z "$name" ] && [ -n "${INPUT_SHARD:-}" ]; then name="perfgate-shard-${INPUT_SHARD%/*}-of-${INPUT_SHARD#*/}"; fi
ci_output artifact-name "${name:-perfgate}"
echo "perfgate: exit code $code, verdict $verdict"
