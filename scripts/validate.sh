#!/usr/bin/env bash
# `rasa data validate`, failing on any warning that is not a documented false positive
# (each line of tests/validate_allowed.txt is a regular expression with its reason).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(.venv/bin/rasa data validate --fail-on-warnings 2>&1)
status=$?
allowed=$(grep -v '^\s*#' tests/validate_allowed.txt | grep -v '^\s*$' || true)
unexpected=$(echo "$out" | grep -E "UserWarning|WARNING|warning" | { if [ -n "$allowed" ]; then grep -v -E -f <(echo "$allowed"); else cat; fi; })
if [ -n "$unexpected" ]; then
  echo "$out"
  echo; echo "rasa data validate: unexpected warnings:"; echo "$unexpected"
  exit 1
fi
if [ $status -ne 0 ] && [ -z "$allowed" ]; then echo "$out"; exit $status; fi
echo "rasa data validate: OK"
