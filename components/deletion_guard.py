"""Rasa NLU component that asks before deleting when "delete my conversation" is typed.

Deleting a conversation cannot be undone, and reading free text is always a guess: the
classifier sometimes picks delete_conversation for something else ("clear my head", at 0.23),
and even a clear request may be typed in a hurry. So a typed request becomes
`confirm_deletion`, and a rule asks, with buttons, before anything is deleted; a typed yes
then deletes (data/rules.yml). The widget's "Start over" and the "Yes, delete it" button
send "/delete_conversation", which Rasa resolves after the pipeline at confidence 1.0, so
they delete at once.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from server import names


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DeletionGuard(GraphComponent):
    """Replaces a typed delete_conversation with confirm_deletion."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """The guarded intent and what it becomes."""
        return {"intent": names.DELETE_INTENT, "unsure_intent": names.CONFIRM_DELETION_INTENT}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._intent = config["intent"]
        self._unsure_intent = config["unsure_intent"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DeletionGuard:
        """Nothing to train or load."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Renames the intent of each message that asks to delete, however sure."""
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) == self._intent:
                unsure = {**intent, INTENT_NAME_KEY: self._unsure_intent}
                ranking = [
                    unsure if r.get(INTENT_NAME_KEY) == self._intent else r
                    for r in message.get(INTENT_RANKING_KEY) or []
                ]
                message.set(INTENT, unsure, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
