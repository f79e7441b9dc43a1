""" "Delete my conversation" through the real servers, on SQLite and PostgreSQL."""

import pytest

from tests.support.replies import new_sender, topics_of

DELETED = ["privacy.deleted"]


@pytest.mark.parametrize("command", ["delete my conversation", "/delete_conversation"])
def test_deleting_removes_every_row_of_that_sender_and_no_other(chat, command):
    servers, rows = chat.servers, chat.rows
    sender, other = new_sender(), new_sender()
    assert topics_of(servers.send(sender, "should I decline this invite?")) == [
        "faq.decline-invitations"
    ]
    assert topics_of(servers.send(other, "what are the signs of depression?")) == ["symptoms"]
    others_rows = rows.count(other)
    assert rows.count(sender) > 0 and others_rows > 0

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
    assert topics_of(servers.send(sender, "delete my conversation")) == DELETED
    assert rows.count(sender) == 0
    assert topics_of(servers.send(sender, "hi")) == ["greet"]


def test_a_guessed_request_is_asked_about_and_deletes_only_on_yes(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    # The classifier's guess: delete_conversation, below the guard's threshold.
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == ["privacy.confirm"]
    assert "faq_decline_invitations" in rows.intents(sender)
    assert topics_of(servers.send(sender, "/delete_conversation")) == DELETED  # "Yes, delete it"
    assert rows.count(sender) == 0


def test_keeping_it_keeps_the_conversation(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == ["privacy.confirm"]
    stored = rows.count(sender)
    assert topics_of(servers.send(sender, "/help")) == ["help"]  # "No, keep it": the menu
    assert rows.count(sender) > stored
    assert "faq_decline_invitations" in rows.intents(sender)


def test_asking_during_the_step_questions_ends_them(chat):
    servers = chat.servers
    sender = new_sender()
    assert topics_of(servers.send(sender, "give me a small step")) == ["next-step"]
    assert topics_of(servers.send(sender, "get rid of everything i typed")) == ["privacy.confirm"]
    assert topics_of(servers.send(sender, "hi")) == ["greet"]


def test_a_wandering_guess_never_deletes(chat):
    servers, rows = chat.servers, chat.rows
    sender = new_sender()
    servers.send(sender, "should I decline this invite?")
    # The classifier has taken it for delete_conversation, unsure; whatever it gets now, it
    # must not delete.
    assert topics_of(servers.send(sender, "clear my head")) != DELETED
    assert "faq_decline_invitations" in rows.intents(sender)
