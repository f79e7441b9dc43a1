#!/usr/bin/env bash
# Runs a command with the action server up (for `rasa test`), then stops it.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh  # and scripts/environment.sh, for the command too
start_action_server
trap stop_servers EXIT
wait_for "http://127.0.0.1:$ACTION_PORT/health" "$ACTION_PID" "The action server" || exit 1
"$@"
