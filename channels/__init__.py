import warnings

# Rasa warns about a malformed "/intent ..." message by quoting the whole message, at the
# default log level. What people write must never reach the logs, so that warning is
# silenced wherever Reconnect's channels (and so its server) run.
warnings.filterwarnings("ignore", message="Failed to parse arguments in line")
