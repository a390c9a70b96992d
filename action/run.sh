#!/usr/bin/env bash
# The statusdoc GitHub Action (action.yml runs this; tests/test_action.py runs it with the GITHUB_*
# variables set).  What it does, in order:
#   1. `statusdoc lint --format github PATHS`: one ::error/::warning line per finding, which GitHub
#      shows as annotations on the pull request's diff;
#   2. with INPUT_SARIF set, the same findings as SARIF 2.1.0 in that file, for code scanning;
#   3. with GITHUB_STEP_SUMMARY set, a markdown progress report appended to the job summary
#      (`statusdoc report --format markdown`: a table with a bar per document).
# Exit code: lint's (0 clean, 1 findings of error severity, 2 bad input or usage); with
# INPUT_FAIL_ON=never, findings do not fail the step (bad input still does: exit 2).
#
# Inputs, as GitHub passes them (INPUT_<NAME>): PATHS (whitespace-separated, default "."),
# SARIF (a file name, default none), SUMMARY ("true"/"false", default "true"),
# FAIL_ON ("error" or "never", default "error").  STATUSDOC names the executable (default statusdoc).
set -u

statusdoc=${STATUSDOC:-statusdoc}
read -r -a paths <<< "${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
fail_on=${INPUT_FAIL_ON:-error}
case "$fail_on" in
  error|never) ;;
  *) echo "statusdoc action: fail-on: expected error or never; got '$fail_on'" >&2; exit 2 ;;
esac

"$statusdoc" lint --format github -- "${paths[@]}"
lint_status=$?

status=$lint_status
if [ -n "${INPUT_SARIF:-}" ]; then
  # --exit-zero: the findings' verdict is lint's above; a failure here is a failure to write.
  "$statusdoc" lint --format sarif --exit-zero --output-file "$INPUT_SARIF" -- "${paths[@]}" || status=2
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "${INPUT_SUMMARY:-true}" = "true" ]; then
  {
    echo "## statusdoc"
    echo
    "$statusdoc" report --format markdown -- "${paths[@]}"
    echo
    case $lint_status in
      0) echo "Every count, percentage, bar and status claim agrees with the items." ;;
      1) echo "Some counts or claims disagree with the items: see the annotations, or run \`statusdoc recompute\`." ;;
      *) echo "statusdoc could not read every document: see the job's log." ;;
    esac
  } >> "$GITHUB_STEP_SUMMARY" || status=2
fi

if [ "$status" -eq 1 ] && [ "$fail_on" = "never" ]; then
  status=0
fi
exit "$status"
