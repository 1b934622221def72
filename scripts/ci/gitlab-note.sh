#!/usr/bin/env bash
# GitLab's counterpart of comment.sh: the verdict table as one merge-request note, updated in place on later
# pipelines. Needs a token that may write notes (a project access token with the api scope, in the masked CI/CD
# variable PERFGATE_GITLAB_TOKEN; the job token cannot), jq, and curl ($PERFGATE_CURL, default curl). Without a
# token, or outside a merge-request pipeline, it does nothing. The same COMMENT modes as comment.sh; perfgate's
# outcome comes from check.sh's $PERFGATE_ENV_FILE. A note that cannot be written is a warning, never a failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

ci_comment_mode "bad COMMENT" "COMMENT="
if [ "$mode" = never ] || [ -z "${CI_MERGE_REQUEST_IID:-}" ]; then exit 0; fi
if [ -z "${PERFGATE_GITLAB_TOKEN:-}" ]; then
  echo "perfgate: no PERFGATE_GITLAB_TOKEN, so no merge-request note (the JUnit report still shows each benchmark)"
  exit 0
fi
EXIT_CODE="${EXIT_CODE:-$(ci_recorded exit-code)}"
ERROR="${ERROR:-$(ci_recorded error)}"
MARKDOWN="${MARKDOWN:-$(ci_recorded markdown)}"
export EXIT_CODE ERROR MARKDOWN
verdict="${VERDICT:-$(ci_recorded verdict)}"
if [ "$EXIT_CODE" != 0 ] && [ "$EXIT_CODE" != 1 ] && [ "$EXIT_CODE" != 2 ]; then exit 0; fi
if [ "$EXIT_CODE" != 2 ] && { [ -z "$MARKDOWN" ] || [ ! -f "$MARKDOWN" ]; }; then
  echo "perfgate: verdict ${verdict:-none}, nothing was compared (no baseline yet): no note"
  exit 0
fi
ci_need jq "finding the earlier note needs jq: add it to the job's image (apt-get install -y jq)"
curl="${PERFGATE_CURL:-curl}"
ci_need "$curl" "posting the note needs curl"

body="${INPUT_OUT:-perfgate-out}/comment.md"
key_line=$(COMMIT="${CI_COMMIT_SHA:-}" ci_comment_body "$body" "${CI_JOB_URL:-}")
notes="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
auth=(--header "PRIVATE-TOKEN: $PERFGATE_GITLAB_TOKEN")
# The note is updated on every pipeline, so it is among the 100 most recently updated.
if ! list=$("$curl" --silent --show-error --fail "${auth[@]}" "$notes?per_page=100&order_by=updated_at&sort=desc"); then
  ci_warning "no merge-request note" "could not read the merge request's notes (does the token have the api scope?)"
  exit 0
fi
existing=$(printf '%s' "$list" | jq -r --arg key "$key_line" \
  'first(.[] | select((.body // "") | startswith("<!-- perfgate-comparison -->") and contains($key)) | .id) // empty')
if [ -z "$existing" ] && [ "$mode" = warn-or-fail ] && [ "$verdict" != warn ] && [ "$verdict" != fail ]; then
  echo "perfgate: verdict ${verdict:-none}; COMMENT=warn-or-fail posts only on a warning or a regression"
  exit 0
fi
if [ -n "$existing" ]; then request=(--request PUT "$notes/$existing"); else request=(--request POST "$notes"); fi
if "$curl" --silent --show-error --fail "${auth[@]}" "${request[@]}" --data-urlencode "body@$body" > /dev/null; then
  echo "perfgate: ${existing:+updated }note on merge request !$CI_MERGE_REQUEST_IID"
else
  ci_warning "no merge-request note" "the note could not be written (does the token have the api scope?)"
fi
