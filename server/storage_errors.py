"""A turn whose conversation cannot be read or written raises, instead of going on without it.

Rasa 3.6 wraps every tracker store in FailSafeTrackerStore: when the database cannot be read
it goes on with a new, empty conversation, and when it cannot be written it keeps the turn in
memory, where no instance will look for it. Either way the user gets an ordinary-looking reply
that ignores what was said before, and the message is lost. Raising from the wrapper's error
callback stops the turn instead, so the channels can say that it was not handled
(channels/storage.py).
"""

from __future__ import annotations

from rasa.core.agent import Agent
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.exceptions import RasaException


class StorageUnavailable(RasaException):
    """The conversation store could not be read or written; the turn was not handled."""


def _raise_unavailable(error: Exception) -> None:
    raise StorageUnavailable(str(error)) from error


def fail_on_storage_errors(agent: Agent) -> None:
    """Makes the agent's tracker store raise StorageUnavailable instead of falling back."""
    if isinstance(agent.tracker_store, FailSafeTrackerStore):
        # Rasa 3.6 takes this callback only in the constructor, which the Agent calls itself.
        agent.tracker_store._on_tracker_store_error = _raise_unavailable
