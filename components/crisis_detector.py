"""Rasa NLU component that forces the crisis intent when the safety matcher fires.

It runs after the classifiers and the FallbackClassifier, so whatever they predicted
(including `nlu_fallback`), a message that mentions suicide or self-harm leaves the
pipeline as `crisis` with confidence 1.0, and the crisis rule answers it.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY,
                                      PREDICTED_CONFIDENCE_KEY, TEXT)
from rasa.shared.nlu.training_data.message import Message

from components.safety_matcher import PATTERNS_FILE, SafetyMatcher

logger = logging.getLogger(__name__)

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Rasa's RegexMessageHandler runs after every pipeline component and replaces the intent
# of any text that starts with "/<known intent>" ("/greet I want to die" would become
# greet). A word joiner (invisible) in front keeps it from treating the text as a command.
WORD_JOINER = "\u2060"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisDetector(GraphComponent):
    """Sets the crisis intent, deterministically, on messages about suicide or self-harm."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Paths of the spaCy pipeline (built by `make`) and of the patterns file."""
        return {
            "spacy_pipeline": str(PROJECT_DIR / ".build" / "spacy-en"),
            "patterns": str(PATTERNS_FILE),
            "intent": "crisis",
        }

    def __init__(self, config: Dict[Text, Any], matcher: SafetyMatcher) -> None:
        """Keeps the matcher; counts escalations for the log."""
        self._intent = config["intent"]
        self._matcher = matcher
        self._escalations = 0

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisDetector:
        """Loads the spaCy pipeline and the patterns; fails loudly if either is missing."""
        matcher = SafetyMatcher.load(Path(config["spacy_pipeline"]), Path(config["patterns"]))
        return cls(config, matcher)

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the predicted intent of every message the matcher flags."""
        for message in messages:
            text = message.get(TEXT)
            if self._matcher.match(text):
                self._escalate(message, text)
        return messages

    def _escalate(self, message: Message, text: Text) -> None:
        crisis = {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        others = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != self._intent
        ]
        message.set(INTENT, crisis, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [crisis] + others, add_to_output=True)
        if text.lstrip().startswith("/"):
            message.set(TEXT, WORD_JOINER + text.lstrip())
        self._escalations += 1
        # A count only: the text of a crisis message never goes to the logs.
        logger.info("crisis escalation: %d since start", self._escalations)
