""" "Delete my conversation" through the real servers, on SQLite and PostgreSQL."""

import pytest

from tests.support.replies import new_sender, topics_of

DELETED = ["privacy.deleted"]
CONFIRM = ["privacy.confirm"]


# Typed, the request is asked about and a typed yes deletes; the widget's Start over and the
# "Yes, delete it" button send the command, which deletes at once.
@pytest.mark.parametrize(
    "commands",
    [["delete my conversation", "yes"], ["/delete_conversation"]],
    ids=["typed", "button"],
)
def test_deleting_removes_every_row_of_that_sender_and_no_other(chat, commands):
    servers, rows = chat.servers, chat.rows
    sender, other = new_sender(), new_sender()
    assert topics_of(servers.send(sender, "should I decline this invite?")) == [
        "faq.decline-invitations"
    ]
    assert topics_of(servers.send(other, "what are the signs of depression?")) == ["symptoms"]
    others_rows = rows.count(other)
    assert rows.count(sender) > 0 and others_rows > 0

    *asked, command = commands
    for request in asked:
        assert topics_of(servers.send(sender, request)) == CONFIRM
        assert rows.count(sender) > 0
    assert topics_of(servers.send(sender, command)) == DELETED
    assert rows.count(sender) == 0
    assert rows.count(other) == others_rows
    assert topics_of(servers.send(other, "tell me more")) == ["symptoms"]


def test_after_deleting_the_same_sender_starts_afresh(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    assert topics_of(servers.send(sender, "/delete_conversation")) == DELETED

    # no last topic to tell more about: the menu, as in a new conversation
    assert topics_of(servers.send(sender, "tell me more")) == ["help"]
    assert rows.count(sender) > 0
    assert "faq_decline_invitations" not in rows.intents(sender)


def test_deleting_during_the_step_questions_ends_them(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    assert topics_of(servers.send(sender, "give me a small step")) == ["next-step"]
    assert topics_of(servers.send(sender, "delete my conversation")) == CONFIRM
    assert topics_of(servers.send(sender, "yes")) == DELETED
    assert rows.count(sender) == 0
    assert topics_of(servers.send(sender, "hi")) == ["greet"]


def test_a_guessed_request_is_asked_about_and_deletes_only_on_yes(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    # A typed request, and a guess of the classifier: asked about.
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == CONFIRM
    assert "faq_decline_invitations" in rows.intents(sender)
    assert topics_of(servers.send(sender, "/delete_conversation")) == DELETED  # "Yes, delete it"
    assert rows.count(sender) == 0


def test_keeping_it_keeps_the_conversation(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == CONFIRM
    stored = rows.count(sender)
    assert topics_of(servers.send(sender, "/deny")) == ["ack"]  # "No, keep it"
    assert topics_of(servers.send(sender, "ok")) == ["ack"]  # an ok is not a yes
    assert rows.count(sender) > stored
    assert "faq_decline_invitations" in rows.intents(sender)


def test_asking_during_the_step_questions_ends_them(chat):
    servers = chat.servers
    sender = new_sender()
    assert topics_of(servers.send(sender, "give me a small step")) == ["next-step"]
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == CONFIRM
    assert topics_of(servers.send(sender, "hi")) == ["greet"]


def test_a_wandering_guess_never_deletes(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    # The classifier has taken it for delete_conversation, unsure; whatever it gets now, it
    # must not delete.
    assert topics_of(servers.send(sender, "clear my head")) != DELETED
    assert "faq_decline_invitations" in rows.intents(sender)
