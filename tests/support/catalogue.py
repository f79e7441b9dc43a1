"""The topic catalogue, derived from where each answer lives: the topics of actions/content.yml,
the topics of the flows (server/names.py), and the topics of the domain's responses (the safety
net's). docs/topics.md documents it; the tests check the document, the domain and the
representative messages against it."""

from __future__ import annotations

from typing import Dict, List, Set

from actions.content import load_content
from server import names
from tests.support.paths import load_yaml

# Answered by actions from content.yml, outside its `topics` (the step flow, deletion).
FLOW_TOPICS = [
    names.NEXT_STEP_TOPIC,
    names.CELEBRATE_TOPIC,
    names.TRIED_TOPIC,
    names.CHECKIN_TOPIC,
    names.PRIVACY_CONFIRM_TOPIC,
    names.PRIVACY_DELETED_TOPIC,
]


def content_topics() -> List[str]:
    """Topics answered from content.yml's `topics`, in its order."""
    return list(load_content().topics)


def article_topics() -> List[str]:
    """The content topics grounded in a section of the article."""
    return [topic_id for topic_id, topic in load_content().topics.items() if topic.section]


def domain_topics() -> Set[str]:
    """Topics of the domain's own responses (what the safety net answers with)."""
    found = set()
    for variations in load_yaml("domain.yml")["responses"].values():
        for variation in variations:
            topic = (variation.get("custom") or {}).get("topic")
            if topic:
                found.add(topic)
    return found


def catalogue() -> Dict[str, str]:
    """Every topic id, with where its answer comes from: content, flow or domain."""
    found = {topic_id: "content" for topic_id in content_topics()}
    found.update({topic_id: "flow" for topic_id in FLOW_TOPICS})
    # A domain topic that content.yml also answers (ack) keeps "content".
    found.update({t: "domain" for t in domain_topics() if t not in found})
    return found
