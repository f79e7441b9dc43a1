#!/usr/bin/env bash
# Runs one Rasa server in the foreground, as every script and test starts it. It replaces
# itself with Rasa (exec), so a signal sent to its pid reaches Rasa: SIGINT stops it cleanly.
#   RASA_PORT       port (default 5005)
#   RASA_INTERFACE  address to listen on (default 127.0.0.1: this machine only; a proxy in
#                   front, or 0.0.0.0 on purpose, serves others)
#   ENDPOINTS       endpoints file (default endpoints.yml: SQLite tracker store)
#   RASA_API_TOKEN  turns on Rasa's HTTP API (trackers, events, model), guarded by this token;
#                   without it the API is off, since it can read and rewrite any conversation
#   CORS_ORIGIN     origins (https://example.org https://other.example, spaces or commas)
#                   whose pages may call this server and open the widget's socket; the
#                   server's own pages always may
#   REST_TOKEN      when set, REST requests must carry "Authorization: Bearer <REST_TOKEN>"
#                   (production mode sets it: REST is for trusted back-ends there)
#   SESSION_SECRET, SESSION_SECRET_FILE   the key that signs conversation ids
#                   (channels/session_ids.py; default: var/session.secret, made on first start)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh
args=(run --model models/reconnect.tar.gz --interface "${RASA_INTERFACE:-127.0.0.1}" --port "${RASA_PORT:-5005}"
      --credentials credentials.yml --endpoints "${ENDPOINTS:-endpoints.yml}")
if [ -n "${RASA_API_TOKEN:-}" ]; then
  args+=(--enable-api --auth-token "$RASA_API_TOKEN")
fi
origins_list=${CORS_ORIGIN:-}
read -ra origins <<< "${origins_list//,/ }"
if [ ${#origins[@]} -gt 0 ]; then
  args+=(--cors "${origins[@]}")
fi
exec "${BIN:-.venv/bin}/python" -m server "${args[@]}"
