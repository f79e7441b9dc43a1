"""Loads and checks the content file (`content.yml`), once, at action-server start-up."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import yaml

from server.names import FALLBACK_TOPIC

CONTENT_FILE = Path(__file__).with_name("content.yml")
ENERGY_LEVELS = ("low", "some", "more")
MODES = ("online", "in-person", "either")
# What a step needs: someone the person already knows, a plan or gathering coming up, or nothing.
NEEDS = ("contact", "event", "nothing")
EFFORTS = (1, 2, 3, 4, 5)

Button = Dict[Text, Text]


@dataclass(frozen=True)
class Topic:
    """One entry of the topic catalogue."""

    id: Text
    section: Optional[Text]
    answer: Text
    more: Text
    buttons: List[Button]
    # "Not a diagnosis; a professional can assess it": said once per session, after the answer.
    caveat: Optional[Text] = None


@dataclass(frozen=True)
class Step:
    """One small social step the assistant can suggest."""

    id: Text
    text: Text
    energy: Text
    mode: Text
    needs: Text
    effort: int
    strategy: Text
    why: Text


@dataclass(frozen=True)
class Content:
    """Everything the actions say, keyed the way they look it up."""

    topics: Dict[Text, Topic]
    topics_by_intent: Dict[Text, Topic]
    steps: List[Step]
    next_step: Dict[Text, Any]
    privacy: Dict[Text, Any]
    listening: List[Text]
    depth_used_up: Text

    def topic_for_intent(self, intent: Optional[Text]) -> Topic:
        """The topic an intent asks for; the fallback topic for anything else."""
        return self.topics_by_intent.get(intent or "", self.topics[FALLBACK_TOPIC])


def intent_name(topic_id: Text) -> Text:
    """The intent that asks for a topic: 'faq.decline-invitations' -> 'faq_decline_invitations'."""
    return topic_id.replace(".", "_").replace("-", "_")


@lru_cache(maxsize=None)
def load_content(path: Path = CONTENT_FILE) -> Content:
    """Reads the content file; raises KeyError/ValueError naming what is missing or wrong."""
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    topics = {
        topic_id: Topic(
            id=topic_id,
            section=entry["section"],
            answer=entry["answer"],
            more=entry["more"],
            buttons=list(entry["buttons"]),
            caveat=entry.get("caveat"),
        )
        for topic_id, entry in raw["topics"].items()
    }
    by_intent = {intent_name(topic_id): topic for topic_id, topic in topics.items()}
    by_intent.pop(intent_name(FALLBACK_TOPIC), None)
    steps = [Step(**entry) for entry in raw["steps"]]
    content = Content(
        topics=topics,
        topics_by_intent=by_intent,
        steps=steps,
        next_step=raw["next_step"],
        privacy=raw["privacy"],
        listening=list(raw["listening"]),
        depth_used_up=raw["depth_used_up"],
    )
    _check(content)
    return content


def _check(content: Content) -> None:
    """Fails loudly on content the actions could not use."""
    if FALLBACK_TOPIC not in content.topics:
        raise KeyError(f"content.yml has no '{FALLBACK_TOPIC}' topic")
    for topic in content.topics.values():
        if not topic.answer.strip() or not topic.more.strip():
            raise ValueError(f"topic '{topic.id}' has an empty answer or more")
    for step in content.steps:
        if step.energy not in ENERGY_LEVELS or step.mode not in MODES:
            raise ValueError(f"step '{step.id}' has energy/mode {step.energy}/{step.mode}")
        if step.needs not in NEEDS or step.effort not in EFFORTS:
            raise ValueError(f"step '{step.id}' has needs/effort {step.needs}/{step.effort}")
        if step.strategy not in content.topics:
            raise KeyError(f"step '{step.id}' names unknown strategy '{step.strategy}'")
    for key in (
        "questions",
        "answers",
        "answers_when_asked",
        "not_understood",
        "no_contact_phrases",
        "no_contact",
        "step_intro",
        "smaller_intro",
        "other_intro",
        "wider_intro",
        "why_prefix",
        "step_buttons",
        "exhausted",
        "smallest_reached",
        "will_try",
        "not_now",
        "celebrate",
        "tried",
        "checkin",
        "not_yet",
    ):
        if key not in content.next_step:
            raise KeyError(f"content.yml next_step has no '{key}'")
    for slot in ("energy", "mode"):
        content.next_step["questions"][slot]["text"]
        content.next_step["answers"][slot]
    if "{step}" not in content.next_step["checkin"]["text"]:
        raise ValueError("content.yml next_step.checkin has no {step} for the step's text")
    if not content.listening or not content.depth_used_up.strip():
        raise ValueError("content.yml has no listening lines or no depth_used_up text")
    for key in ("deleted", "confirm", "kept"):
        if not content.privacy[key]["text"].strip():
            raise ValueError(f"content.yml privacy.{key} has an empty text")
