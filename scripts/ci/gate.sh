#!/usr/bin/env bash
# Ends the job as perfgate's exit code says, after the comment and the artifacts: 0 passes (a warning is an
# annotation, and so is "nothing compared": a first run is not red, nor is it called a pass), 1 fails as a performance
# regression, 2 fails as an error, "perfgate could not do its job", never as a regression. The annotation's reason is
# perfgate's own (the JSON report's reason, e.g. "2 inconclusive (...): a -15.7%, b -11.0%"), never a guess.
# Inputs (environment): EXIT_CODE, VERDICT, REASON, ERROR; else read from $PERFGATE_ENV_FILE (GitLab).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

code="${EXIT_CODE:-$(ci_recorded exit-code)}"
verdict="${VERDICT:-$(ci_recorded verdict)}"
reason="${REASON:-$(ci_recorded reason)}"
error="${ERROR:-$(ci_recorded error)}"
where="$(ci_where)"

case "$code" in
  0)
    if [ "$verdict" = warn ]; then
      ci_warning "performance warning" "${reason:-perfgate warns, no regression}: $where"
    elif [ "$verdict" = none ]; then
      ci_notice "nothing compared" "${reason:-nothing compared}: the job passes, but no benchmark was judged \
(accept a reviewed baseline with perfgate baseline accept, or compare with a base commit): $where"
    fi
    echo "perfgate: ${verdict:-pass}"
    exit 0 ;;
  1)
    ci_error "performance regression" "${reason:-perfgate found a performance regression}: $where"
    exit 1 ;;
  2)
    ci_error "perfgate could not do its job" "${error:-see the log of the perfgate step}; there is no verdict"
    ci_summary "$(printf '## ⚠️ perfgate could not do its job\n\n%s\n\nThere is no verdict: this is an error, not a regression.\n' "${error:-See the job log.}")"
    exit 2 ;;
  *)
    ci_error "perfgate did not run" "the perfgate step ended before perfgate gave a verdict: see its log"
    exit 2 ;;
esac
