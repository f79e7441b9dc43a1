"""The topic contract over REST: every catalogue topic is reachable and carries its id."""

import pytest

from tests.support.catalogue import catalogue
from tests.support.paths import load_yaml
from tests.support.replies import new_sender, topics_of
from tests.support.tracker_db import DAY_SECONDS, move_back

MESSAGES = load_yaml("tests/http/topic_messages.yml")


def test_every_catalogue_topic_has_a_representative_message():
    assert sorted(MESSAGES) == sorted(catalogue())


@pytest.mark.parametrize("topic", sorted(MESSAGES))
def test_a_natural_message_reaches_its_topic(servers, topic):
    """The message, after the ones that give it its context (a step reported needs a step)."""
    sender = new_sender()
    case = MESSAGES[topic]
    *before, message = [case] if isinstance(case, str) else case
    for earlier in before:
        if isinstance(earlier, dict) and earlier.get("new_session"):
            move_back(servers.tracker_db, sender, DAY_SECONDS)  # a day later
        else:
            servers.send(sender, earlier)
    reply = servers.send(sender, message)
    assert topic in topics_of(reply), reply


def test_the_readme_example_answers_the_decline_invitations_question(servers):
    """README's curl example: the answer with its buttons, then its topic and section."""
    answer, topic = servers.send("a", "should I decline this invite?")
    assert answer["recipient_id"] == "a" and answer["text"].startswith("It's okay to say no.")
    assert answer["buttons"]
    assert topic == {
        "recipient_id": "a",
        "custom": {"topic": "faq.decline-invitations", "section": "FAQ: Declining invitations"},
    }


def test_tell_me_more_gives_the_deeper_part_of_the_same_topic(servers):
    sender = new_sender()
    first = servers.send(sender, "why does connection matter for mental health?")
    more = servers.send(sender, "tell me more")
    assert topics_of(first) == topics_of(more) == ["connection"]
    assert first[0]["text"] != more[0]["text"]


# The article's areas and the small step, as the menu offers them (README, first paragraph).
AREAS = ["/symptoms", "/connection", "/barriers", "/strategies", "/ask_next_step"]


def test_the_menu_lists_the_areas_with_buttons(servers):
    reply = servers.send(new_sender(), "what can you do?")
    assert topics_of(reply) == ["help"]
    assert [b["payload"] for b in reply[0]["buttons"]] == AREAS
    assert all(b["title"].strip() for b in reply[0]["buttons"])


def test_senders_never_share_a_conversation(servers):
    alice, bob = new_sender(), new_sender()
    servers.send(alice, "what are the signs of depression?")
    servers.send(bob, "should i see a therapist?")
    assert topics_of(servers.send(alice, "tell me more")) == ["symptoms"]
    assert topics_of(servers.send(bob, "tell me more")) == ["strategy.professional-help"]
