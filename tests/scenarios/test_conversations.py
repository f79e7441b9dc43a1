"""The blind scenario suite (conversations.yml) over REST against the real servers, one test
per conversation.

Each turn sends one message as the same sender and reads the topics of the reply:
  expect      at least one of these topics is in the reply
  expect_all  every one of these topics is in the reply
  never       none of these topics is in the reply
A `new_session: true` turn is the same person coming back a day later: every stored event
of the conversation is moved a day into the past in the servers' tracker database, so Rasa
starts a new session on the next message, as it would after a day of silence."""

from typing import Dict, List

import pytest

from tests.support.paths import load_yaml
from tests.support.replies import new_sender, topics_of
from tests.support.servers import Servers
from tests.support.tracker_db import DAY_SECONDS, move_back, session_expiry_seconds

CONVERSATIONS: List[Dict] = load_yaml("tests/scenarios/conversations.yml")


def test_the_suite_is_blind_sized_and_every_conversation_is_named_once():
    names = [c["name"] for c in CONVERSATIONS]
    assert len(CONVERSATIONS) >= 60 and len(set(names)) == len(names)


def come_back_a_day_later(servers: Servers, sender: str) -> None:
    """The same person writes again after a day: past the session expiry. (A conversation
    they deleted has nothing stored to move: it starts afresh anyway.)"""
    assert DAY_SECONDS > session_expiry_seconds()
    move_back(servers.tracker_db, sender, DAY_SECONDS)


def describe(number: int, message: str, reply: List[Dict]) -> str:
    """What a failing turn said and got, for the assertion message."""
    texts = " | ".join(m.get("text", "") for m in reply if m.get("text"))
    return f"turn {number}: {message!r} got topics {topics_of(reply)}: {texts}"


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(servers: Servers, conversation: Dict) -> None:
    sender = new_sender("scenario")
    for number, turn in enumerate(conversation["turns"], 1):
        if turn.get("new_session"):
            come_back_a_day_later(servers, sender)
            continue
        reply = servers.send(sender, turn["user"])
        topics = set(topics_of(reply))
        where = describe(number, turn["user"], reply)
        if "expect" in turn:
            assert topics & set(turn["expect"]), f"expected one of {turn['expect']}; {where}"
        missing = set(turn.get("expect_all", [])) - topics
        assert not missing, f"expected all of {turn['expect_all']}, missing {missing}; {where}"
        unwanted = topics & set(turn.get("never", []))
        assert not unwanted, f"never {sorted(unwanted)}; {where}"
