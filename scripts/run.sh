#!/usr/bin/env bash
# Starts the action server and Rasa, waits until both answer, prints where to chat,
# and stops both on Ctrl-C.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh
trap 'echo; echo "Stopping Reconnect..."; stop_servers; exit 0' INT TERM

start=$(date +%s)
start_action_server
start_rasa
wait_for "http://127.0.0.1:$ACTION_PORT/health" "$ACTION_PID" "The action server" || { stop_servers; exit 1; }
wait_for "http://127.0.0.1:$RASA_PORT/" "$RASA_PID" "Rasa" || { stop_servers; exit 1; }

cat <<MSG

Reconnect is ready (in $(( $(date +%s) - start )) s).
  Chat in your browser:  http://localhost:$RASA_PORT/webhooks/widget/
  Or over REST:          curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"me","message":"hi"}'
  Logs:                  var/logs/   Conversations: $TRACKER_DB
Press Ctrl-C to stop.
MSG
wait
