"""Applies every change Reconnect makes to Rasa's own behaviour, for the Rasa version it was
written against. Called by `python -m server` (the servers, `rasa test`, training) and by the
tests and benchmarks that run Rasa in their own process; never on import."""

from __future__ import annotations

import warnings
from functools import wraps
from typing import Any

# Each change below was written against these versions' code; another version may have moved
# what it replaces, so it refuses to start rather than run with a change silently lost.
EXPECTED_VERSIONS = {"rasa": "3.6.21", "python-engineio": "4.15.1"}

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
    from server.engineio_limits import refuse_oversized_posts
    from server.event_lookup import look_up_event_classes_once
    from server.form_ignored_intents import reject_ignored_intents_first
    from server.session_carry_over import carry_over_chosen_slots_only

    check_action_results_with_one_validator()
    look_up_event_classes_once()
    reject_ignored_intents_first()
    carry_over_chosen_slots_only()
    refuse_oversized_posts()
    rasa.core.run.load_agent_on_start = _prepared_after_loading(rasa.core.run.load_agent_on_start)
    _applied = True


def keep_messages_out_of_warnings() -> None:
    """Silences the one Rasa warning that quotes what a person wrote."""
    # Rasa warns about a malformed "/intent ..." message by quoting the whole message, at the
    # default log level. Its command line sets its own warning filters in front of any made
    # before, so this one is added at start-up, once the command line has run.
    warnings.filterwarnings("ignore", message="Failed to parse arguments in line")


def _prepared_after_loading(load_agent_on_start: Any) -> Any:
    """Rasa's start-up loader of the model, followed by the start-up steps that need the agent."""
    from server.loaded_objects import freeze_loaded_objects
    from server.storage_errors import fail_on_storage_errors

    @wraps(load_agent_on_start)
    async def load_and_prepare(*args: Any, **kwargs: Any) -> Any:
        agent = await load_agent_on_start(*args, **kwargs)
        fail_on_storage_errors(agent)  # for every channel
        keep_messages_out_of_warnings()
        freeze_loaded_objects()  # once per server, with the model loaded
        return agent

    return load_and_prepare
