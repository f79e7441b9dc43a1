"""Applies every change Reconnect makes to Rasa's own behaviour, for the Rasa version it was
written against. Called by `python -m server` (the servers, `rasa test`, training) and by the
tests and benchmarks that run Rasa in their own process; never on import."""

from __future__ import annotations

import warnings
from functools import wraps
from typing import Any

# Each change below was written against these versions' code; another version may have moved
# what it replaces, so it refuses to start rather than run with a change silently lost.
EXPECTED_VERSIONS = {"rasa": "3.6.21", "sanic": "21.12.2"}

_applied = False


def check_versions() -> None:
    """Fails with a clear message when an installed version is not the one patched here."""
    from importlib.metadata import version

    wrong = {
        name: version(name)
        for name, expected in EXPECTED_VERSIONS.items()
        if version(name) != expected
    }
    if wrong:
        raise RuntimeError(
            f"server/bootstrap.py changes Rasa's behaviour for {EXPECTED_VERSIONS}, but "
            f"{wrong} is installed: check each change in server/ against the new code, "
            f"then update EXPECTED_VERSIONS"
        )


def apply() -> None:
    """Makes every change, once per process."""
    global _applied
    if _applied:
        return
    check_versions()
    import rasa.core.run

    from server.action_result_check import check_action_results_with_one_validator
    from server.event_lookup import look_up_event_classes_once
    from server.form_ignored_intents import reject_ignored_intents_first
    from server.session_carry_over import carry_over_chosen_slots_only

    check_action_results_with_one_validator()
    look_up_event_classes_once()
    reject_ignored_intents_first()
    carry_over_chosen_slots_only()
    rasa.core.run.load_agent_on_start = _prepared_after_loading(rasa.core.run.load_agent_on_start)
    _applied = True


def limit_request_bodies(app: Any) -> None:
    """Refuses any request body over the REST cap with a 413, before reading it, with the
    same explanation as the REST channel's own check."""
    from sanic import response
    from sanic.exceptions import PayloadTooLarge

    from channels.validation import MAX_BODY_BYTES

    # Sanic reads up to 100 MB by default before a handler could refuse it; its protocol
    # takes the limit from the config for each new connection, so setting it before the
    # server accepts any is enough.
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES

    def too_large(_request: Any, _error: Exception) -> Any:
        explanation = f"the request body is larger than {MAX_BODY_BYTES} bytes"
        return response.json({"error": explanation}, status=413)

    app.error_handler.add(PayloadTooLarge, too_large)


def keep_messages_out_of_warnings() -> None:
    """Silences the one Rasa warning that quotes what a person wrote."""
    # Rasa warns about a malformed "/intent ..." message by quoting the whole message, at the
    # default log level. Its command line sets its own warning filters in front of any made
    # before, so this one is added at start-up, once the command line has run.
    warnings.filterwarnings("ignore", message="Failed to parse arguments in line")


def _prepared_after_loading(load_agent_on_start: Any) -> Any:
    """Rasa's start-up loader of the model, followed by the start-up steps that need the agent."""
    from server.loaded_objects import freeze_loaded_objects
    from server.log_redaction import redact_every_handler
    from server.storage_errors import fail_on_storage_errors

    @wraps(load_agent_on_start)
    async def load_and_prepare(*args: Any, **kwargs: Any) -> Any:
        agent = await load_agent_on_start(*args, **kwargs)
        app = kwargs.get("app", args[3] if len(args) > 3 else None)
        if app is not None:
            limit_request_bodies(app)
        fail_on_storage_errors(agent)  # for every channel
        keep_messages_out_of_warnings()
        redact_every_handler()
        freeze_loaded_objects()  # once per server, with the model loaded
        return agent

    return load_and_prepare
