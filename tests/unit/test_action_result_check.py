"""Rasa's check of action server replies still accepts what it accepted and refuses the rest."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

VALID = {
    "events": [{"event": "slot", "name": "last_topic", "value": "connection"}],
    "responses": [
        {
            "text": "hi",
            "buttons": [{"title": "More", "payload": "/tell_more"}],
            "custom": {"topic": "connection"},
        }
    ],
}


def test_the_server_uses_the_cached_check(rasa_as_served):
    assert RemoteAction._validate_action_result.__module__ == "server.action_result_check"


def test_a_reply_rasa_accepts_is_accepted(rasa_as_served):
    jsonschema.validate(VALID, RemoteAction.action_response_format_spec())  # Rasa's own check
    assert RemoteAction._validate_action_result(None, VALID) is True


@pytest.mark.parametrize(
    "reply", [{"events": "nope"}, {"events": [{"no_event_key": 1}]}, {"responses": "nope"}]
)
def test_a_reply_rasa_refuses_is_refused_with_its_explanation(rasa_as_served, reply):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
        RemoteAction._validate_action_result(None, reply)
