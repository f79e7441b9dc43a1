#!/usr/bin/env bash
# `rasa data validate`, failing on any error and on any warning that is not a documented
# exception (each line of tests/validate_allowed.txt is a regex, with its reason above it).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(.venv/bin/python -m server data validate --fail-on-warnings 2>&1)
status=$?
allowed=$(grep -v '^\s*#' tests/validate_allowed.txt | grep -v '^\s*$' || true)
warnings=$(echo "$out" | grep -E "UserWarning| WARNING " || true)
if [ -n "$allowed" ] && [ -n "$warnings" ]; then
  warnings=$(echo "$warnings" | grep -v -E -f <(echo "$allowed") || true)
fi
errors=$(echo "$out" | grep -E " ERROR |Traceback|Exception:" || true)
if [ -n "$warnings" ] || [ -n "$errors" ] || { [ $status -ne 0 ] && [ -z "$allowed" ]; }; then
  echo "$out"
  echo; echo "rasa data validate failed:"; echo "$warnings"; echo "$errors"
  exit 1
fi
echo "rasa data validate: OK"
