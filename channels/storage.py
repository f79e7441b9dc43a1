"""A conversation-storage failure becomes an error, instead of a reply that forgot everything.

Rasa 3.6 wraps every tracker store in FailSafeTrackerStore: when the database cannot be read
it goes on with a new, empty conversation, and when it cannot be written it keeps the turn in
memory, where no instance will look for it. Either way the user gets an ordinary-looking reply
that ignores what was said before, and the message is lost. Raising from the wrapper's error
callback stops the turn instead, so the channels can say that it was not handled; only the
crisis message, which needs nothing stored, is still sent.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)
CRISIS_INTENT, CRISIS_RESPONSE = "crisis", "utter_crisis"
UNAVAILABLE = ("conversations cannot be stored right now, so this message was not handled; "
               "please send it again in a moment")


class StorageUnavailable(RasaException):
    """The conversation store could not be read or written; the turn was not handled."""

    def __init__(self, agent: Agent, cause: Exception) -> None:
        super().__init__(str(cause))
        self.agent = agent


def fail_on_storage_errors(agent: Agent) -> None:
    """Makes the agent's tracker store raise StorageUnavailable instead of falling back."""

    def raise_unavailable(error: Exception) -> None:
        raise StorageUnavailable(agent, error) from error

    if isinstance(agent.tracker_store, FailSafeTrackerStore):
        # Rasa 3.6 takes this callback only in the constructor, which the Agent calls itself.
        agent.tracker_store._on_tracker_store_error = raise_unavailable


async def crisis_response(agent: Agent, message: UserMessage) -> Optional[Dict[Text, Any]]:
    """The domain's crisis response if the message is a crisis, else None; worked out from
    the NLU pipeline (with the crisis detector) alone, without the stored conversation."""
    parsed = await agent.parse_message(message.text)
    if (parsed.get("intent") or {}).get("name") != CRISIS_INTENT:
        return None
    tracker = DialogueStateTracker(message.sender_id, agent.domain.slots)
    return await agent.nlg.generate(CRISIS_RESPONSE, tracker, message.output_channel.name())


async def handle_or_answer_crisis(on_new_message: Callable[[UserMessage], Awaitable[Any]],
                                  message: UserMessage) -> bool:
    """Handles the message; when it cannot be stored, still answers a crisis. False when the
    message was neither handled nor a crisis, for the channel to say so its own way."""
    try:
        await on_new_message(message)
        return True
    except StorageUnavailable as error:
        logger.error("message not handled, conversation storage failed: %s", error)
        crisis = await crisis_response(error.agent, message)
        if crisis is None:
            return False
        output = message.output_channel
        if isinstance(output, CollectingOutputChannel):
            output.messages = []  # whatever the failed turn collected
        await output.send_response(message.sender_id, crisis)
        return True
