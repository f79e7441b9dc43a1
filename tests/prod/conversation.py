"""Conversations for the production tests: one that needs everything stored before each
turn, and the checks of their replies."""

from __future__ import annotations

from typing import Dict, List, NamedTuple

from actions.content import ENERGY_LEVELS, load_content
from tests.support.paths import load_yaml
from tests.support.replies import CRISIS_TEXT, topics_of

STEPS = load_content().steps
TOPIC_MESSAGES: Dict[str, str] = load_yaml("tests/http/topic_messages.yml")
# Topics with a deeper part for "tell me more": single signs, barriers, strategies, FAQs.
DEEP_TOPICS = sorted(
    t
    for t in TOPIC_MESSAGES
    if t.split(".")[0] in ("symptom", "barrier", "strategy", "faq") and "." in t
)


class Turn(NamedTuple):
    """One user message and the topics its reply must carry."""

    message: str
    topics: List[str]
    gives_a_step: bool = False


def small_step_conversation(topic: str) -> List[Turn]:
    """A question, "tell me more", the small-step questions, and "i did it"."""
    # Each turn needs what was stored before it: the last topic, the answers so far, the step.
    return [
        Turn(TOPIC_MESSAGES[topic], [topic]),
        Turn("tell me more", [topic]),
        Turn("give me a small step", ["next-step"]),
        Turn("pretty drained today", ["next-step"]),
        Turn("online is easier", ["next-step"], gives_a_step=True),
        Turn("i did it!", ["step.celebrate"]),
    ]


def check_reply(turn: Turn, reply: List[Dict]) -> None:
    """The reply has the turn's topics; a step fits the energy and mode answered before."""
    assert topics_of(reply) == turn.topics, (turn.message, reply)
    if turn.gives_a_step:
        text = " ".join(m.get("text", "") for m in reply)
        steps = [s for s in STEPS if s.text in text]
        assert len(steps) == 1, reply
        assert steps[0].energy == ENERGY_LEVELS[0] and steps[0].mode in ("online", "either"), steps


def is_crisis(reply: List[Dict]) -> bool:
    """The one fixed crisis message, with its topic."""
    return topics_of(reply) == ["crisis"] and any(m.get("text") == CRISIS_TEXT for m in reply)
