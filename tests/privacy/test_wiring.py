"""The pieces of "delete my conversation" fit together: action, content, domain, endpoints."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load_content
from actions.privacy import ActionConfirmDeletion, ActionDeleteConversation
from stores.privacy_tracker_store import CLASS_PATH, DELETE_ACTION
from tests.support.paths import ROOT, load_yaml

DOMAIN = load_yaml("domain.yml")


@pytest.mark.parametrize(
    "action, key", [(ActionDeleteConversation, "deleted"), (ActionConfirmDeletion, "confirm")]
)
def test_each_action_speaks_with_the_words_of_the_content_file(action, key):
    dispatcher = CollectingDispatcher()
    tracker = Tracker("someone", {}, {}, [], False, None, {}, "action_listen")
    assert asyncio.run(action().run(dispatcher, tracker, {})) == []
    assert action().name() in DOMAIN["actions"]
    reply = load_content().privacy[key]
    [message] = dispatcher.messages
    assert message["custom"] == {"topic": f"privacy.{key}"}
    assert message["text"] == reply["text"] and message["buttons"] == reply["buttons"]
    for button in reply["buttons"]:
        assert button["payload"][1:] in DOMAIN["intents"], button


def test_the_store_watches_the_action_the_domain_declares():
    assert ActionDeleteConversation().name() == DELETE_ACTION
    assert DELETE_ACTION in DOMAIN["actions"]
    assert "delete_conversation" in DOMAIN["intents"]


@pytest.mark.parametrize("endpoints", sorted(p.name for p in ROOT.glob("endpoints*.yml")))
def test_every_endpoints_file_keeps_conversations_in_the_store_that_can_delete_them(endpoints):
    # Otherwise the bot would say "deleted" while every message stays stored.
    assert load_yaml(endpoints)["tracker_store"]["type"] == CLASS_PATH


def test_only_the_first_button_of_the_question_deletes():
    payloads = [b["payload"] for b in load_content().privacy["confirm"]["buttons"]]
    assert payloads[0] == "/delete_conversation"
    assert "/delete_conversation" not in payloads[1:]
