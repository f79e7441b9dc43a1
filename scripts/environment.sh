# The environment of every Rasa and action server process this repository starts: quiet,
# offline, and with Reconnect's own modules importable. Defined here only: the launchers
# (rasa_server.sh, action_server.sh, servers.sh and the scripts that source it) source this
# file; the Makefile and tests/support/environment.py run it, and it prints NAME=value lines.
# A value already in the environment wins, except PYTHONPATH, which gets the repository added.

RECONNECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case ":${PYTHONPATH:-}:" in
  *":$RECONNECT_ROOT:"*) ;;
  *) PYTHONPATH=$RECONNECT_ROOT${PYTHONPATH:+:$PYTHONPATH} ;;
esac
RECONNECT_ENVIRONMENT=(
  "RASA_TELEMETRY_ENABLED=${RASA_TELEMETRY_ENABLED:-false}"  # no usage reports to Rasa
  "TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-3}"          # no TensorFlow start-up chatter
  # SQLAlchemy 2.0's warnings about the 1.4-style code of Rasa's SQL tracker store
  "SQLALCHEMY_SILENCE_UBER_WARNING=${SQLALCHEMY_SILENCE_UBER_WARNING:-1}"
  "PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}"  # dependencies' deprecation warnings in every log
  "PYTHONPATH=$PYTHONPATH"                    # actions, channels, components, stores
)
export "${RECONNECT_ENVIRONMENT[@]}"

if [ "${BASH_SOURCE[0]}" = "$0" ]; then  # run, not sourced
  printf '%s\n' "${RECONNECT_ENVIRONMENT[@]}"
fi
