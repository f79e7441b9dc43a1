"""A form turns away the intents it ignores without the action server; others as in Rasa."""

import asyncio

import pytest
from rasa.core.actions.action import ActionExecutionRejection
from rasa.core.actions.forms import FormAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from server import form_ignored_intents
from tests.support.paths import load_yaml
from tests.support.ports import server_port

DOMAIN = Domain.from_dict(load_yaml("domain.yml"))
FORM = "step_preferences_form"
# Nothing listens there: a call to the action server fails.
NOWHERE = EndpointConfig(f"http://127.0.0.1:{server_port()}/webhook")


def validate(intent: str):
    tracker = DialogueStateTracker.from_events(
        "test",
        [
            ActionExecuted("action_listen"),
            ActiveLoop(FORM),
            SlotSet("requested_slot", "energy"),
            ActionExecuted("action_listen"),
            UserUttered("some words", intent={"name": intent, "confidence": 1.0}),
        ],
        slots=DOMAIN.slots,
    )
    form = FormAction(FORM, NOWHERE)
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    return asyncio.run(form.validate(tracker, DOMAIN, CollectingOutputChannel(), nlg))


def test_the_server_uses_the_change(rasa_as_served):
    assert FormAction.validate is form_ignored_intents.validate


@pytest.mark.parametrize("intent", DOMAIN.forms[FORM]["ignored_intents"])
def test_an_ignored_intent_is_turned_away_without_the_action_server(rasa_as_served, intent):
    with pytest.raises(ActionExecutionRejection, match="ignores the intent"):
        validate(intent)


def test_any_other_intent_is_validated_by_the_action_server_as_in_rasa(rasa_as_served):
    with pytest.raises(Exception) as raised:
        validate("inform_energy")
    assert not isinstance(raised.value, ActionExecutionRejection)  # Rasa asked, and failed
