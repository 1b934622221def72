#!/usr/bin/env bash
# Puts the verdict table on the pull request as one comment, updated in place on every later push (not one more
# comment per push). The comment is found by two hidden markers: perfgate's own first line
# (<!-- perfgate-comparison -->) and a key naming the suite, so two suites in one pull request keep two comments.
#   COMMENT=always        comment on every run
#   COMMENT=warn-or-fail  comment on a warning or a regression; a comment already there is updated even on a pass,
#                         so it never shows a failure that is gone
#   COMMENT=never         no comment
# perfgate could not do its job (exit code 2): no verdict is claimed; an existing comment says so instead.
# The GitHub API is reached through the GitHub CLI ($PERFGATE_GH, default gh, preinstalled on GitHub's runners).
# A token that cannot write (a pull request from a fork) is a warning: the table is in the job summary anyway.
# Inputs (environment): GH_TOKEN, GITHUB_REPOSITORY, PR_NUMBER, COMMENT, EXIT_CODE, VERDICT, MARKDOWN, ERROR, KEY,
# GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_RUN_ID, INPUT_OUT, PERFGATE_GH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/lib.sh"

ci_comment_mode "bad comment input" "comment: "
if [ "$mode" = never ]; then exit 0; fi
if [ -z "${PR_NUMBER:-}" ]; then echo "perfgate: not a pull request, no comment"; exit 0; fi
code="${EXIT_CODE:-}"
if [ "$code" != 0 ] && [ "$code" != 1 ] && [ "$code" != 2 ]; then echo "perfgate: no verdict, no comment"; exit 0; fi
if [ "$code" != 2 ] && { [ -z "${MARKDOWN:-}" ] || [ ! -f "$MARKDOWN" ]; }; then
  echo "perfgate: verdict ${VERDICT:-none}, nothing was compared (a shard, or no baseline): no comment"
  exit 0
fi
if [ -z "${GH_TOKEN:-}" ]; then
  ci_warning "no pull-request comment" "no token to write it with (the action's github-token input is empty)"
  exit 0
fi
gh="${PERFGATE_GH:-gh}"
ci_need "$gh" "the pull-request comment uses the GitHub CLI (gh): install it on this runner, or set comment: never"
: "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"

body="${INPUT_OUT:-perfgate-out}/comment.md"
run_url="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/actions/runs/${GITHUB_RUN_ID:-}"
key_line=$(COMMIT="${GITHUB_SHA:-}" ci_comment_body "$body" "$run_url")
marker="<!-- perfgate-comparison -->"

comments="repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments"
filter=".[] | select((.body // \"\") | startswith(\"$marker\") and contains(\"$key_line\")) | .id"
if ! existing=$("$gh" api --paginate "$comments" --jq "$filter"); then
  ci_warning "no pull-request comment" "could not read the pull request's comments (a fork's token cannot); the table is in the job summary"
  exit 0
fi
existing=$(printf '%s\n' "$existing" | head -n 1)
if [ -z "$existing" ] && [ "$mode" = warn-or-fail ] && [ "${VERDICT:-}" != warn ] && [ "${VERDICT:-}" != fail ]; then
  echo "perfgate: verdict ${VERDICT:-none}; comment: warn-or-fail comments only on a warning or a regression"
  exit 0
fi
if [ -n "$existing" ]; then
  request=(-X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing")
  done_message="updated comment $existing on pull request #$PR_NUMBER"
else
  request=(-X POST "$comments")
  done_message="commented on pull request #$PR_NUMBER"
fi
if "$gh" api "${request[@]}" -F "body=@$body" > /dev/null; then
  echo "perfgate: $done_message"
else
  ci_warning "no pull-request comment" "the comment could not be written (a fork's token cannot write); the table is in the job summary"
fi
