"""A typed "delete my conversation" becomes a question, however sure; anything else passes."""

from typing import Dict, List, Tuple

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.deletion_guard import DeletionGuard

GUARD = DeletionGuard(DeletionGuard.get_default_config())


def parsed(ranking: List[Tuple[str, float]]) -> Message:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": "some words", "intent": entries[0], "intent_ranking": entries})


def names(message: Message) -> Tuple[str, List[str]]:
    ranking: List[Dict] = message.get("intent_ranking")
    return message.get("intent")["name"], [r["name"] for r in ranking]


@pytest.mark.parametrize("confidence", [0.05, 0.23, 0.6, 0.99, 1.0])
def test_a_typed_deletion_becomes_a_question(confidence):
    message = parsed([("delete_conversation", confidence), ("strategy_mindfulness", 0.01)])
    GUARD.process([message])
    assert names(message) == ("confirm_deletion", ["confirm_deletion", "strategy_mindfulness"])
    assert message.get("intent")["confidence"] == confidence


def test_other_intents_pass_even_with_deletion_ranked_second():
    message = parsed([("strategy_mindfulness", 0.3), ("delete_conversation", 0.25)])
    GUARD.process([message])
    assert names(message) == (
        "strategy_mindfulness",
        ["strategy_mindfulness", "delete_conversation"],
    )


def test_a_message_without_an_intent_passes():
    message = Message(data={"text": ""})
    GUARD.process([message])
    assert message.get("intent") is None
