# Shell functions to start Reconnect's two servers and wait for them; sourced by
# run.sh, run_prod.sh and with_action_server.sh, which then have scripts/environment.sh's
# environment too. Ports and the tracker database come from the environment (ACTION_PORT,
# RASA_PORT, TRACKER_DB), with the Makefile's defaults.

source scripts/environment.sh
BIN=${BIN:-.venv/bin}
mkdir -p var/logs "$(dirname "${TRACKER_DB:=var/tracker.db}")"
export ACTION_PORT=${ACTION_PORT:-5055} RASA_PORT=${RASA_PORT:-5005} TRACKER_DB

start_action_server() {
  # On 127.0.0.1 only (scripts/action_server.py): only this machine's Rasa may run actions.
  scripts/action_server.sh >var/logs/actions.log 2>&1 &
  ACTION_PID=$!
}

start_rasa() {
  # SIGINT is how Rasa stops cleanly, so it is what stop_servers sends.
  scripts/rasa_server.sh >var/logs/rasa.log 2>&1 &
  RASA_PID=$!
}

# wait_for URL PID NAME: polls until the URL answers, fails if the process dies or 120 s pass.
wait_for() {
  local url=$1 pid=$2 name=$3
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see var/logs/" >&2; return 1; }
    sleep 0.5
  done
  echo "$name did not answer at $url within 120 s; see var/logs/" >&2
  return 1
}

stop_servers() {
  [ -n "${RASA_PID:-}" ] && kill -INT "$RASA_PID" 2>/dev/null
  [ -n "${ACTION_PID:-}" ] && kill -TERM "$ACTION_PID" 2>/dev/null
  wait 2>/dev/null
}
