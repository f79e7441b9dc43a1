#!/usr/bin/env bash
# `make run-prod`: Reconnect as in production, on this machine. Conversations in PostgreSQL,
# turn-taking locks in Redis, two Rasa instances and one action server behind nginx, all on
# 127.0.0.1. Creates the database if missing, prints the URL, and stops everything on Ctrl-C.
#
#   scripts/run_prod.sh               start everything
#   scripts/run_prod.sh rasa PORT     one Rasa instance in the foreground (to restart one)
#   scripts/run_prod.sh actions       the action server in the foreground (to restart it)
#   scripts/run_prod.sh purge [--days N]  the retention purge on production's database
#
# Every setting below can be overridden from the environment.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh  # BIN, wait_for and scripts/environment.sh

export PROD_PORT=${PROD_PORT:-8080}                 # nginx, the only public port
export RASA_PORTS=${RASA_PORTS:-"5015 5016"}        # one Rasa instance per port
# Rasa connects as PG_USER, a role that owns only its database (default: named as the
# database); scripts/prod_stores.py creates both as PG_ADMIN_USER before Rasa starts.
export PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_DATABASE=${PG_DATABASE:-reconnect}
export PG_USER=${PG_USER:-$PG_DATABASE} PG_PASSWORD=${PG_PASSWORD:-}
export PG_ADMIN_USER=${PG_ADMIN_USER:-postgres} PG_ADMIN_PASSWORD=${PG_ADMIN_PASSWORD:-}
export REDIS_HOST=${REDIS_HOST:-127.0.0.1} REDIS_PORT=${REDIS_PORT:-6379}
export REDIS_DB=${REDIS_DB:-1} REDIS_KEY_PREFIX=${REDIS_KEY_PREFIX:-reconnect}
# Shared by Rasa and the action server only; a new one for every start.
export ACTION_TOKEN=${ACTION_TOKEN:-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
# REST is for trusted back-ends here (the widget talks socket.io): they send this token.
# Set it to keep one across restarts; otherwise a new one is printed at every start.
export REST_TOKEN=${REST_TOKEN:-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
# Signs conversation ids (channels/session_ids.py): one file for every instance, kept.
export SESSION_SECRET_FILE=${SESSION_SECRET_FILE:-$PWD/var/session.secret}
# How long a conversation stays locked by an instance that died while answering in it
# (Rasa's default is 60 s); a turn takes about a second here, even under load.
export TICKET_LOCK_LIFETIME=${TICKET_LOCK_LIFETIME:-20}
# Per client address at nginx (deploy/nginx.conf.template): requests a second, burst, and
# connections at once; generous for people, and for the production tests' 20 conversations.
export NGINX_RATE=${NGINX_RATE:-100} NGINX_BURST=${NGINX_BURST:-200}
export NGINX_CONNECTIONS=${NGINX_CONNECTIONS:-100}
RUN_DIR=$(realpath -m "${PROD_DIR:-var/prod}")     # config, logs, pid and temp files
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/nginx-temp"

# rasa_command PORT: sets CMD to one Rasa instance on 127.0.0.1:PORT (scripts/rasa_server.sh:
# the HTTP API stays off unless RASA_API_TOKEN is set).
rasa_command() {
  CMD=(env RASA_PORT="$1" RASA_INTERFACE=127.0.0.1 ENDPOINTS=endpoints.prod.yml scripts/rasa_server.sh)
}

# The action server on 127.0.0.1 only, answering only requests with ACTION_TOKEN.
action_command() {
  CMD=(scripts/action_server.sh)
}

write_nginx_conf() {
  local servers="" port conf
  for port in $RASA_PORTS; do
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
  done
  conf=$(<deploy/nginx.conf.template)
  conf=${conf//@UPSTREAM_SERVERS@/"${servers%$'\n'}"}
  conf=${conf//@RUN_DIR@/"$RUN_DIR"}
  conf=${conf//@PORT@/"$PROD_PORT"}
  conf=${conf//@RATE@/"$NGINX_RATE"}
  conf=${conf//@BURST@/"$NGINX_BURST"}
  conf=${conf//@CONNECTIONS@/"$NGINX_CONNECTIONS"}
  conf=${conf//@MAX_BODY@/"$("$BIN/python" -c 'from channels.validation import MAX_BODY_BYTES as m; print(m)')"}
  printf '%s\n' "$conf" >"$RUN_DIR/nginx.conf"
}

# After a failed start: wait_for's message names var/logs/, but these logs are elsewhere.
give_up() {
  echo "Logs: $RUN_DIR/logs/" >&2
  stop_prod
  exit 1
}

stop_prod() {
  # nginx first, so no request reaches an instance that is stopping; QUIT lets it finish
  # the requests in progress. Rasa stops cleanly on SIGINT.
  [ -n "${NGINX_PID:-}" ] && kill -QUIT "$NGINX_PID" 2>/dev/null
  [ -n "${NGINX_PID:-}" ] && wait "$NGINX_PID" 2>/dev/null
  for pid in ${RASA_PIDS:-}; do kill -INT "$pid" 2>/dev/null; done
  [ -n "${ACTION_PID:-}" ] && kill -TERM "$ACTION_PID" 2>/dev/null
  wait 2>/dev/null
}

# Each process's id is in $RUN_DIR/NAME.pid, for whoever needs to stop or restart one.
case ${1:-} in
  rasa) rasa_command "${2:?usage: $0 rasa PORT}"; echo $$ >"$RUN_DIR/rasa-$2.pid"
        exec "${CMD[@]}" >>"$RUN_DIR/logs/rasa-$2.log" 2>&1 ;;
  actions) action_command; echo $$ >"$RUN_DIR/actions.pid"
           exec "${CMD[@]}" >>"$RUN_DIR/logs/actions.log" 2>&1 ;;
  purge) exec "$BIN/python" scripts/purge.py endpoints.prod.yml "${@:2}" ;;
  "") ;;
  *) echo "usage: $0 [rasa PORT | actions | purge [--days N]]" >&2; exit 2 ;;
esac

if [ ! -x "$NGINX" ]; then
  echo "nginx is not installed: run \`make run-prod\`, which installs it, or apt-get install nginx" >&2
  exit 1
fi
start=$(date +%s)
"$BIN/python" scripts/prod_stores.py || exit 1
write_nginx_conf
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/nginx-error.log" || exit 1
trap 'echo; echo "Stopping Reconnect..."; stop_prod; exit 0' INT TERM

action_command
"${CMD[@]}" >>"$RUN_DIR/logs/actions.log" 2>&1 &
ACTION_PID=$!
echo "$ACTION_PID" >"$RUN_DIR/actions.pid"
RASA_PIDS=""
for port in $RASA_PORTS; do
  rasa_command "$port"
  "${CMD[@]}" >>"$RUN_DIR/logs/rasa-$port.log" 2>&1 &
  RASA_PIDS+=" $!"
  echo $! >"$RUN_DIR/rasa-$port.pid"
done
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/nginx-error.log" &
NGINX_PID=$!

wait_for "http://127.0.0.1:$ACTION_PORT/health" "$ACTION_PID" "The action server" || give_up
set -- $RASA_PIDS
for port in $RASA_PORTS; do
  wait_for "http://127.0.0.1:$port/" "$1" "Rasa on port $port" || give_up
  shift
done
wait_for "http://127.0.0.1:$PROD_PORT/webhooks/rest/" "$NGINX_PID" "nginx" || give_up

cat <<MSG

Reconnect (production mode) is ready (in $(( $(date +%s) - start )) s).
  Chat in your browser:  http://localhost:$PROD_PORT/webhooks/widget/
  Or over REST:          curl -s localhost:$PROD_PORT/webhooks/rest/webhook -H "Authorization: Bearer $REST_TOKEN" -d '{"sender":"me","message":"hi"}'
  Behind nginx:          Rasa on 127.0.0.1 port $(echo $RASA_PORTS | sed 's/ / and /g'), actions on 127.0.0.1:$ACTION_PORT
  Conversations:         PostgreSQL $PG_USER@$PG_HOST:$PG_PORT/$PG_DATABASE, locks in Redis $REDIS_HOST:$REDIS_PORT db $REDIS_DB
  Logs:                  $RUN_DIR/logs/
Press Ctrl-C to stop.
MSG
wait
