# shellcheck shell=bash
# Shared by the CI scripts (sourced, not run): where a step's outputs go and how problems are shown, on GitHub
# Actions (workflow commands, $GITHUB_OUTPUT) and elsewhere (GitLab CI: plain lines, a dotenv file).

# ci_output KEY VALUE: one output of the step, for the steps after it. Values are kept on one line.
ci_output() {
  local value="${2//$'\n'/ }"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$value" >> "$GITHUB_OUTPUT"; fi
  if [ -n "${PERFGATE_ENV_FILE:-}" ]; then printf '%s=%s\n' "$1" "$value" >> "$PERFGATE_ENV_FILE"; fi
}

# The escapes GitHub's workflow commands need in a message, so that a % or a line break survives.
ci_escape() {
  local s="${1//%/%25}"
  s="${s//$'\r'/%0D}"
  printf '%s' "${s//$'\n'/%0A}"
}

# ci_error TITLE MESSAGE, ci_warning TITLE MESSAGE, ci_notice TITLE MESSAGE: an annotation on GitHub, a plain line
# elsewhere.
ci_error() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::error title=$1::$(ci_escape "$2")"; else echo "ERROR: $1: $2" >&2; fi
}

ci_notice() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::notice title=$1::$(ci_escape "$2")"; else echo "NOTE: $1: $2" >&2; fi
}

ci_warning() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::warning title=$1::$(ci_escape "$2")"; else echo "WARNING: $1: $2" >&2; fi
}

# ci_where: where a reader finds the verdict table: GitHub has a job summary; elsewhere (GitLab) there is none.
ci_where() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then
    printf 'see the table in the job summary'
  else
    printf "see the table in this job's log, and the reports in the job's artifacts (%s/reports)" "${INPUT_OUT:-perfgate-out}"
  fi
}

# ci_summary TEXT: appended to the job summary when there is one.
ci_summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then printf '%s\n' "$1" >> "$GITHUB_STEP_SUMMARY"; fi
}

# ci_recorded KEY: an output of check.sh, read back from its env file where outputs do not flow between steps
# (GitLab: one script after another), e.g. ci_recorded exit-code.
ci_recorded() {
  local file="${PERFGATE_ENV_FILE:-${INPUT_OUT:-perfgate-out}/perfgate.env}"
  if [ -f "$file" ]; then sed -n "s/^$1=//p" "$file" | tail -n 1; fi
}

# ci_need COMMAND WHY: stops the step with a clear message when a tool it needs is missing.
ci_need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  ci_error "$1 not found" "$2"
  exit 1
}

# ci_comment_mode TITLE PREFIX: sets mode from COMMENT (always, warn-or-fail or never; default always); any other
# value stops the step with an error titled TITLE, its message naming the input as PREFIX + value.
ci_comment_mode() {
  mode="${COMMENT:-always}"
  case "$mode" in
    always | warn-or-fail | never) ;;
    *) ci_error "$1" "$2$mode: use always, warn-or-fail or never"; exit 1 ;;
  esac
}

# ci_comment_body FILE LINK: writes the pull/merge-request comment to FILE and prints the hidden key line that
# finds it again. The body is perfgate's Markdown report (cut below the platforms' size limit), or on exit code 2 a
# note that perfgate could not do its job: never a verdict it did not reach.
# Reads EXIT_CODE, MARKDOWN, ERROR, KEY, COMMIT (environment); LINK points at the job.
ci_comment_body() {
  local file="$1" link="$2" key
  key="<!-- perfgate-key: $(printf '%s' "${KEY:-suite}" | tr -c 'A-Za-z0-9._/-' '_') -->"
  mkdir -p "$(dirname "$file")"
  if [ "${EXIT_CODE:-}" = 2 ]; then
    printf '%s\n## ⚠️ perfgate: ERROR\n\nperfgate could not do its job on %s, so there is no verdict: %s\n\nSee the [job log](%s).\n' \
      "<!-- perfgate-comparison -->" "${COMMIT:-this commit}" "${ERROR:-see the job log}" "$link" > "$file"
  else
    head -c 60000 "$MARKDOWN" > "$file"
    if [ "$(wc -c < "$MARKDOWN")" -gt 60000 ]; then
      printf '\n\n… cut here: the full table is in the [job](%s).\n' "$link" >> "$file"
    fi
  fi
  printf '\n<sub>%s · [job](%s)</sub>\n%s\n' "${COMMIT:-}" "$link" "$key" >> "$file"
  printf '%s' "$key"
}
