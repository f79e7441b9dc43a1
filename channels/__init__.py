import warnings

# Rasa warns about a malformed "/intent ..." message by quoting the whole message, at the
# default log level. What people write must never reach the logs, so that warning is
# silenced wherever Reconnect's channels (and so its server) run.
warnings.filterwarnings("ignore", message="Failed to parse arguments in line")

# The Rasa server imports this package at start-up (credentials.yml): the one place to make
# two of its per-turn costs cheap (see each module for the measurement): the check of action
# server replies, and finding the class of each stored event.
from channels.action_result_check import check_action_results_with_one_validator  # noqa: E402
from channels.event_lookup import look_up_event_classes_once  # noqa: E402

check_action_results_with_one_validator()
look_up_event_classes_once()
