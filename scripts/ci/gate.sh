#!/usr/bin/env bash
# Ends the job as perfgate's exit code says, after the comment and the artifacts: 0 passes (a warning is an
# annotation), 1 fails as a performance regression, 2 fails as an error, "perfgate could not do its job", never as a
# regression. Inputs (environment): EXIT_CODE, VERDICT, ERROR; else read from $PERFGATE_ENV_FILE (GitLab).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

code="${EXIT_CODE:-$(ci_recorded exit-code)}"
verdict="${VERDICT:-$(ci_recorded verdict)}"
error="${ERROR:-$(ci_recorded error)}"

case "$code" in
  0)
    if [ "$verdict" = warn ]; then
      ci_warning "performance warning" "a benchmark got slower, within the fail threshold: see the table in the job summary"
    fi
    echo "perfgate: ${verdict:-pass}"
    exit 0 ;;
  1)
    ci_error "performance regression" "perfgate found a performance regression: see the table in the job summary"
    exit 1 ;;
  2)
    ci_error "perfgate could not do its job" "${error:-see the log of the perfgate step}; there is no verdict"
    ci_summary "$(printf '## ⚠️ perfgate could not do its job\n\n%s\n\nThere is no verdict: this is an error, not a regression.\n' "${error:-See the job log.}")"
    exit 2 ;;
  *)
    ci_error "perfgate did not run" "the perfgate step ended before perfgate gave a verdict: see its log"
    exit 2 ;;
esac
