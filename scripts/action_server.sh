#!/usr/bin/env bash
# Runs the action server in the foreground, as every script and test starts it. It replaces
# itself with the server (exec), so a signal sent to its pid reaches the server.
#   ACTION_PORT   port (default 5055); it listens on 127.0.0.1 only (scripts/action_server.py)
#   ACTION_TOKEN  when set, required of every caller but /health (endpoints.prod.yml sends it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh
exec "${BIN:-.venv/bin}/python" scripts/action_server.py --actions actions --port "${ACTION_PORT:-5055}"
