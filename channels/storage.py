"""A turn that cannot run is said to have failed; a crisis is answered whatever is down.

A turn whose conversation cannot be stored raises (server/storage_errors.py). The safety net
decides before anything is stored or locked: the message is parsed once, here (the parse
travels on in `UserMessage.parse_data`, so Rasa does not parse it again), and a
crisis or crisis-check message whose turn fails for any reason (the database, Redis, the lock,
a hang cut short by the deadline) still gets its domain responses, which need nothing stored.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Optional, Text

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic

from channels.rate_limit import SenderRateLimit, too_many
from server import names
from server.log_redaction import remember
from server.storage_errors import StorageUnavailable

logger = logging.getLogger(__name__)
UNAVAILABLE = (
    "conversations cannot be stored right now, so this message was not handled; "
    "please send it again in a moment"
)
UNANSWERED = (
    "Reconnect could not answer this message just now (a part of it is not running); "
    "please send it again in a moment"
)
# What the safety net's intents are answered with when the turn cannot run (the rules in
# data/rules.yml say the same when it can). A crisis in another language adds a line in it.
SAFETY_RESPONSES = {
    names.CRISIS_INTENT: [names.CRISIS_RESPONSE],
    names.CRISIS_CHECK_INTENT: [names.CRISIS_CHECK_RESPONSE],
}
# The topics of those responses: a channel gives them at once, whatever happens to the turn.
SAFETY_TOPICS = {names.CRISIS_TOPIC, names.CRISIS_CHECK_TOPIC}
# How long a crisis turn may take before its responses are sent without it: a few seconds
# of a hung database or lock, never the lock lifetime of an instance that died mid-turn.
SAFETY_DEADLINE_SECONDS = 5.0


# Everything that means "the turn could not run for want of storage or lock", as opposed to
# a bug: those are not caught, so they stay visible.
UNAVAILABLE_ERRORS = (StorageUnavailable, LockError, ConnectionError, OSError, asyncio.TimeoutError)


def _redis_errors() -> tuple:
    try:
        from redis.exceptions import RedisError
    except ImportError:  # Redis is only needed in production mode
        return ()
    return (RedisError,)


async def _parse(agent: Agent, message: UserMessage) -> Dict[Text, Any]:
    """The NLU result, with the safety net's decision in it; kept on the message."""
    if message.parse_data is None:
        message.parse_data = await agent.processor.parse_message(message)
    return message.parse_data


def safety_response_names(parse: Dict[Text, Any]) -> List[Text]:
    """The domain responses a parsed message gets from the safety net, or [] if none."""
    responses = list(SAFETY_RESPONSES.get((parse.get("intent") or {}).get("name"), []))
    if responses == SAFETY_RESPONSES[names.CRISIS_INTENT] and _language(parse):
        responses.append(names.CRISIS_LANGUAGE_RESPONSE)
    return responses


def _language(parse: Dict[Text, Any]) -> Optional[Text]:
    return next(
        (
            e.get("value")
            for e in parse.get("entities") or []
            if e.get("entity") == names.LANGUAGE_SLOT
        ),
        None,
    )


async def _send_safety_responses(
    agent: Agent, message: UserMessage, parse: Dict[Text, Any]
) -> None:
    """Sends the safety net's responses without the stored conversation."""
    tracker = DialogueStateTracker(message.sender_id, agent.domain.slots)
    language = _language(parse)
    if language:
        tracker.update(SlotSet(names.LANGUAGE_SLOT, language))
    output = message.output_channel
    if isinstance(output, CollectingOutputChannel):
        output.messages = []  # whatever the failed turn collected
    already = set(getattr(output, "sent_topics", ()))
    for name in safety_response_names(parse):
        response = await agent.nlg.generate(name, tracker, output.name())
        if response and (response.get("custom") or {}).get("topic") not in already:
            await output.send_response(message.sender_id, response)


class Unhandled(NamedTuple):
    """Why a message got no answer: an HTTP status, the explanation, when to try again."""

    status: int
    error: Text
    retry_after: int


NOT_STORED = Unhandled(503, UNAVAILABLE, 5)
NOT_ANSWERED = Unhandled(503, UNANSWERED, 5)
# One per server process; the safety net's messages never count (channels/rate_limit.py).
RATE_LIMIT = SenderRateLimit.from_environment()


def _answered(output: Any) -> bool:
    """Whether the turn sent the person anything (REST collects, socket.io records topics)."""
    sent = (
        output.messages
        if isinstance(output, CollectingOutputChannel)
        else getattr(output, "sent_topics", [True])
    )
    return bool(sent)


async def handle_or_answer_crisis(
    on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage
) -> Optional[Unhandled]:
    """Handles the message; when its turn cannot run, still answers a crisis. Otherwise, why
    the message got no answer (for the channel to say so its own way), or None."""
    agent: Agent = Sanic.get_app().ctx.agent
    remember(message.text)  # no log line may quote it (server/log_redaction.py)
    parse = await _parse(agent, message)
    safety = bool(safety_response_names(parse))
    wait = None if safety else RATE_LIMIT.retry_after(message.sender_id)
    if wait:
        return Unhandled(429, too_many(wait), wait)
    try:
        if safety:
            await asyncio.wait_for(on_new_message(message), SAFETY_DEADLINE_SECONDS)
        else:
            await on_new_message(message)
    except UNAVAILABLE_ERRORS + _redis_errors() as error:
        # The error's type only: its text may quote the message (SQL parameters).
        logger.error("message not handled, storage or lock unavailable: %s", type(error).__name__)
        if not safety:
            return NOT_STORED
        await _send_safety_responses(agent, message, parse)
        return None
    # Every answer but the safety net's comes from the action server: when it is down, Rasa
    # logs the failure and the turn ends in silence, which the person must not be left with.
    return None if _answered(message.output_channel) else NOT_ANSWERED
