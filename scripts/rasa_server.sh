#!/usr/bin/env bash
# Runs one Rasa server in the foreground, as every script and test starts it. It replaces
# itself with Rasa (exec), so a signal sent to its pid reaches Rasa: SIGINT stops it cleanly.
#   RASA_PORT       port (default 5005)
#   RASA_INTERFACE  address to listen on (default 127.0.0.1: this machine only; a proxy in
#                   front, or 0.0.0.0 on purpose, serves others)
#   ENDPOINTS       endpoints file (default endpoints.yml: SQLite tracker store)
#   RASA_API_TOKEN  turns on Rasa's HTTP API (trackers, events, model), guarded by this token;
#                   without it the API is off, since it can read and rewrite any conversation
#   CORS_ORIGIN     an origin (https://example.org) whose pages may call this server
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh
args=(run --model models/reconnect.tar.gz --interface "${RASA_INTERFACE:-127.0.0.1}" --port "${RASA_PORT:-5005}"
      --credentials credentials.yml --endpoints "${ENDPOINTS:-endpoints.yml}")
if [ -n "${RASA_API_TOKEN:-}" ]; then
  args+=(--enable-api --auth-token "$RASA_API_TOKEN")
fi
if [ -n "${CORS_ORIGIN:-}" ]; then
  args+=(--cors "$CORS_ORIGIN")
fi
exec "${BIN:-.venv/bin}/python" -m server "${args[@]}"
