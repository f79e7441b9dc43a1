"""A new session carries over the planned step and the steps already offered, nothing else."""

import asyncio

from rasa.core.actions.action import ActionSessionStart
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from server import session_carry_over
from tests.support.paths import load_yaml

DOMAIN = Domain.from_dict(load_yaml("domain.yml"))


def start_session(events):
    tracker = DialogueStateTracker.from_events("test", events, slots=DOMAIN.slots)
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    return asyncio.run(ActionSessionStart().run(CollectingOutputChannel(), nlg, tracker, DOMAIN))


def test_the_server_uses_the_change(rasa_as_served):
    assert ActionSessionStart._slot_set_events_from_tracker is session_carry_over.carried_over


def test_only_the_planned_and_offered_steps_carry_over(rasa_as_served):
    events = start_session(
        [
            SlotSet("energy", "low"),
            SlotSet("mode", "online"),
            SlotSet("offered_steps", ["a"]),
            SlotSet("offered_steps", ["a", "b"]),
            SlotSet("planned_step", "b"),
            SlotSet("no_contact", True),
            SlotSet("caveat_given", True),
            SlotSet("last_topic", "next-step"),
        ]
    )
    assert events == [
        SessionStarted(),
        SlotSet("offered_steps", ["a", "b"]),
        SlotSet("planned_step", "b"),
        ActionExecuted("action_listen"),
    ]


def test_a_planned_step_that_was_asked_about_does_not_carry_over(rasa_as_served):
    events = start_session([SlotSet("planned_step", "b"), SlotSet("planned_step", None)])
    assert events == [SessionStarted(), ActionExecuted("action_listen")]


def test_the_domain_lets_rasa_carry_slots_over(rasa_as_served):
    assert DOMAIN.session_config.carry_over_slots
