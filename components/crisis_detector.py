"""Rasa NLU component: the safety net's decision, made once, deterministically.

It runs after the classifiers, the FallbackClassifier and the deletion guard, so whatever
they predicted (including `nlu_fallback` or `delete_conversation`), a message that mentions
suicide or self-harm leaves the pipeline as `crisis` (tier 1: the fixed message) or
`crisis_check` (tier 2: the direct question) with confidence 1.0. A message in another
language that is not a crisis becomes `language_unsupported`. For a crisis or a message in
another language, the `language` entity names the language, so that the reply can add a
line in it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from components.safety_matcher import ENGLISH, PATTERNS_DIR, SafetyMatcher
from server import names

logger = logging.getLogger(__name__)

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Rasa's RegexMessageHandler runs after every pipeline component and replaces the intent
# of any text that starts with "/<known intent>" ("/greet I want to die" would become
# greet). A word joiner (invisible) in front keeps it from treating the text as a command.
WORD_JOINER = "\u2060"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisDetector(GraphComponent):
    """Sets the crisis, crisis-check or unsupported-language intent, deterministically."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Paths of the spaCy pipeline (built by `make`) and the patterns; intent names."""
        return {
            "spacy_pipeline": str(PROJECT_DIR / ".build" / "spacy-en"),
            "patterns": str(PATTERNS_DIR),
            "intent": names.CRISIS_INTENT,
            "check_intent": names.CRISIS_CHECK_INTENT,
            "language_intent": names.LANGUAGE_UNSUPPORTED_INTENT,
            "language_entity": names.LANGUAGE_SLOT,
        }

    def __init__(self, config: Dict[Text, Any], matcher: SafetyMatcher) -> None:
        """Keeps the matcher; counts escalations for the log."""
        self._intents = {1: config["intent"], 2: config["check_intent"]}
        self._language_intent = config["language_intent"]
        self._language_entity = config["language_entity"]
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
        """Overrides the predicted intent of every message the safety net flags."""
        for message in messages:
            text = message.get(TEXT) or ""
            finding, language = self._matcher.assess(text)
            if finding:
                self._override(message, self._intents[finding.tier], finding.language)
                if text.lstrip().startswith("/"):
                    message.set(TEXT, WORD_JOINER + text.lstrip())
                self._escalations += 1
                # A count only: the text of a crisis message never goes to the logs.
                logger.info(
                    "crisis escalation (tier %d): %d since start", finding.tier, self._escalations
                )
            elif language != ENGLISH and not text.lstrip().startswith("/"):
                self._override(message, self._language_intent, language)
        return messages

    def _override(self, message: Message, intent_name: Text, language: Optional[Text]) -> None:
        intent = {INTENT_NAME_KEY: intent_name, PREDICTED_CONFIDENCE_KEY: 1.0}
        others = [
            r
            for r in message.get(INTENT_RANKING_KEY) or []
            if r.get(INTENT_NAME_KEY) != intent_name
        ]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent] + others, add_to_output=True)
        if language != ENGLISH:
            entity = {
                ENTITY_ATTRIBUTE_TYPE: self._language_entity,
                ENTITY_ATTRIBUTE_VALUE: language,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(message.get(TEXT) or ""),
                EXTRACTOR: type(self).__name__,
            }
            message.set(ENTITIES, (message.get(ENTITIES) or []) + [entity], add_to_output=True)
