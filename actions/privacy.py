"""The action behind "delete my conversation": it confirms; the tracker store deletes."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import PRIVACY_DELETED_TOPIC, load_content
from actions.reply import send


# The action server cannot reach the stored conversation: the tracker store
# (stores/privacy_tracker_store.py) sees this action in the turn and deletes the conversation
# instead of saving it, so the deletion happens even when this reply could not be sent.
class ActionDeleteConversation(Action):
    """Tells the person their conversation is deleted."""

    def __init__(self) -> None:
        self.reply = load_content().privacy["deleted"]

    def name(self) -> Text:
        return "action_delete_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send(dispatcher, PRIVACY_DELETED_TOPIC, self.reply["text"], self.reply["buttons"])
        return []
