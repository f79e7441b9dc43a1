"""The actions behind "delete my conversation": one asks first, one confirms; the store deletes."""

from __future__ import annotations

import abc
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load_content
from actions.reply import send
from server.names import DELETE_ACTION, PRIVACY_CONFIRM_TOPIC, PRIVACY_DELETED_TOPIC


class PrivacyReply(Action, metaclass=abc.ABCMeta):
    """Sends one privacy message of content.yml with its buttons; changes nothing itself."""

    content_key: Text
    topic: Text

    @abc.abstractmethod
    def name(self) -> Text:
        """Abstract, so the action server registers only the concrete actions below."""

    def __init__(self) -> None:
        self.reply = load_content().privacy[self.content_key]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send(dispatcher, self.topic, self.reply["text"], self.reply["buttons"])
        return []


# The action server cannot reach the stored conversation: the tracker store
# (stores/privacy_tracker_store.py) sees this action in the turn and deletes the conversation
# instead of saving it, so the deletion happens even when this reply could not be sent.
class ActionDeleteConversation(PrivacyReply):
    """Tells the person their conversation is deleted."""

    content_key, topic = "deleted", PRIVACY_DELETED_TOPIC

    def name(self) -> Text:
        return DELETE_ACTION


class ActionConfirmDeletion(PrivacyReply):
    """Asks whether to delete, for a typed request (components/deletion_guard.py)."""

    content_key, topic = "confirm", PRIVACY_CONFIRM_TOPIC

    def name(self) -> Text:
        return "action_confirm_deletion"
