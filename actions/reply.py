"""Reads what the person just said and sends replies the way every Reconnect message goes out."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def send(
    dispatcher: CollectingDispatcher,
    topic: Text,
    text: Text,
    buttons: Optional[List[Dict[Text, Text]]] = None,
    section: Optional[Text] = None,
) -> None:
    """Sends one message; its `custom` part carries the topic id (the topic contract)."""
    custom: Dict[Text, Any] = {"topic": topic}
    if section:
        custom["section"] = section
    dispatcher.utter_message(text=text, buttons=buttons or [], json_message=custom)


def latest_intent(tracker: Tracker) -> Optional[Text]:
    """The intent Rasa acted on, `nlu_fallback` included.

    (rasa_sdk's get_intent_of_latest_message skips nlu_fallback and returns the runner-up,
    which would answer an unclear message as if it had been understood.)
    """
    return (tracker.latest_message.get("intent") or {}).get("name")


def latest_text(tracker: Tracker) -> Text:
    """What the person just wrote."""
    return tracker.latest_message.get("text") or ""


def _since_latest_user_message(tracker: Tracker) -> int:
    """The index of the latest user message in the tracker's events (-1 if none)."""
    for index in range(len(tracker.events) - 1, -1, -1):
        if tracker.events[index].get("event") == "user":
            return index
    return -1


def asked_before(tracker: Tracker) -> Dict[Text, Any]:
    """The last message Reconnect sent before the person's latest message, in this session
    ({} if none): what a typed yes, no or ok answers. Yesterday's question is not answered
    by today's "ok"."""
    for event in reversed(tracker.events[: max(_since_latest_user_message(tracker), 0)]):
        if event.get("event") == "session_started":
            break
        if event.get("event") == "bot":
            return event
    return {}


def payloads_of(bot_event: Dict[Text, Any]) -> List[Text]:
    """The payloads of a sent message's buttons."""
    data = bot_event.get("data") or {}
    return [b.get("payload", "") for b in data.get("buttons") or []]


def answered_already(tracker: Tracker) -> bool:
    """Whether Reconnect has already said something since the latest user message."""
    start = _since_latest_user_message(tracker)
    return start >= 0 and any(e.get("event") == "bot" for e in tracker.events[start + 1 :])


def first_message_of_session(tracker: Tracker) -> bool:
    """Whether the latest user message is the first one since the session started."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        users += event.get("event") == "user"
    return users == 1
