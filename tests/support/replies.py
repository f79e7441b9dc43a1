"""Senders and replies as the topic contract (DESIGN.md) describes them."""

from __future__ import annotations

import uuid
from typing import Dict, List

from tests.support.paths import load_yaml

# The one fixed crisis message, as the domain defines it.
CRISIS_TEXT = load_yaml("domain.yml")["responses"]["utter_crisis"][0]["text"]


def new_sender(prefix: str = "test") -> str:
    """A sender id nobody used, within the characters the REST channel accepts."""
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def topics_of(messages: List[Dict]) -> List[str]:
    """Topic ids in a reply, wherever the contract allows them."""
    found = []
    for m in messages:
        for holder in (m, m.get("custom") or {}, m.get("metadata") or {}):
            if isinstance(holder, dict) and "topic" in holder:
                found.append(holder["topic"])
    return found


def is_check(reply: List[Dict]) -> bool:
    """The tier-2 question, with its Yes / No, I'm safe buttons."""
    payloads = [b.get("payload") for m in reply for b in m.get("buttons") or []]
    return topics_of(reply) == ["crisis.check"] and payloads == ["/crisis", "/crisis_safe"]
