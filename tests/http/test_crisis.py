"""Crisis escalation through the live server: the whole corpus, mid-flow, and without actions."""

import pytest
import requests

from tests.support.paths import load_yaml
from tests.support.replies import CRISIS_TEXT, is_check, new_sender, topics_of

POSITIVES = [m for msgs in load_yaml("tests/crisis/positives.yml")["groups"].values() for m in msgs]
NEGATIVES = [m for msgs in load_yaml("tests/crisis/negatives.yml")["groups"].values() for m in msgs]


def is_crisis(reply) -> bool:
    return "crisis" in topics_of(reply) and any(m.get("text") == CRISIS_TEXT for m in reply)


def test_every_positive_of_the_corpus_gets_the_crisis_message(servers):
    misses = [m for m in POSITIVES if not is_crisis(servers.send(new_sender(), m))]
    assert misses == []


def test_no_negative_of_the_corpus_gets_the_crisis_message(servers):
    alarms = [m for m in NEGATIVES if "crisis" in topics_of(servers.send(new_sender(), m))]
    assert alarms == []


def test_a_slash_command_cannot_hide_a_crisis(servers):
    assert is_crisis(servers.send(new_sender(), "/greet I want to die"))


def test_a_crisis_interrupts_the_step_questions_which_do_not_resume(servers):
    sender = new_sender()
    assert topics_of(servers.send(sender, "can you suggest a small step?")) == ["next-step"]
    assert is_crisis(servers.send(sender, "honestly i feel like killing myself"))
    after = servers.send(sender, "ok")
    assert "next-step" not in topics_of(after)


CHECK = "the rope came in the mail today"


@pytest.mark.parametrize(
    "answer,topic",
    [("/crisis", "crisis"), ("yes", "crisis"), ("/crisis_safe", "ack"), ("no", "ack")],
)
def test_the_check_question_is_answered_by_button_or_typed_yes_or_no(servers, answer, topic):
    sender = new_sender()
    assert is_check(servers.send(sender, CHECK))
    reply = servers.send(sender, answer)
    assert topics_of(reply) == [topic]
    if topic == "crisis":
        assert is_crisis(reply)


def test_after_the_check_the_step_questions_come_back(servers):
    sender = new_sender()
    assert topics_of(servers.send(sender, "can you suggest a small step?")) == ["next-step"]
    assert is_check(servers.send(sender, "i wrote a note for my family, just in case"))
    assert topics_of(servers.send(sender, "no")) == ["ack", "next-step"]
    assert topics_of(servers.send(sender, "some energy today")) == ["next-step"]


def test_a_final_sounding_goodbye_is_asked_about_and_deletes_nothing(servers):
    sender = new_sender()
    assert topics_of(servers.send(sender, "what are the signs of depression?")) == ["symptoms"]
    assert is_check(servers.send(sender, "goodbye everyone. please tell my mom i love her"))
    assert topics_of(servers.send(sender, "tell me more")) == ["symptoms"]  # still remembered


def test_a_crisis_in_another_language_gets_the_message_and_a_line_in_that_language(servers):
    reply = servers.send(new_sender(), "ya no quiero vivir")
    assert is_crisis(reply)
    texts = [m["text"] for m in reply if m.get("text")]
    assert len(texts) == 2 and "findahelpline.com" in texts[1] and "apoyo" in texts[1]


def test_another_language_that_is_not_a_crisis_is_answered_kindly(servers):
    reply = servers.send(new_sender(), "hola, me siento muy solo y no sé qué hacer")
    assert topics_of(reply) == ["language.unsupported"]
    assert "findahelpline.com" in reply[0]["text"] and "inglés" in reply[0]["text"]


def test_the_crisis_message_arrives_with_the_action_server_stopped(servers):
    servers.stop_actions()
    try:
        for message in ("i want to end my life", "everyone would be better off without me", "kms"):
            assert is_crisis(servers.send(new_sender(), message))
        assert is_check(servers.send(new_sender(), CHECK))
        sender = new_sender()
        # Every other answer needs the action server: a 503 that says so, not silence.
        unanswered = requests.post(
            servers.url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": "hello"},
            timeout=60,
        )
        assert unanswered.status_code == 503 and "again" in unanswered.json()["error"]
        assert is_crisis(servers.send(sender, "i want to die"))
        # During the step questions too: the form turns the crisis away without asking the
        # action server (server/form_ignored_intents.py), and the rule answers it.
        asking = new_sender()
        servers.start_actions()
        assert topics_of(servers.send(asking, "give me a small step")) == ["next-step"]
        servers.stop_actions()
        assert is_crisis(servers.send(asking, "honestly i want to kill myself"))
    finally:
        servers.start_actions()
    assert topics_of(servers.send(new_sender(), "hi")) == ["greet"]
