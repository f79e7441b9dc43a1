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
