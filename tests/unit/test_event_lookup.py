"""The cached event-class lookup answers exactly as Rasa's, walking the class tree once a name."""

from __future__ import annotations

import pytest
import rasa.shared.utils.common
from rasa.shared.core.events import ActionExecuted, Event, SlotSet

from server import event_lookup
from server.event_lookup import resolve_by_type

RASA = event_lookup._rasa_resolve_by_type
TYPE_NAMES = sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_event_type_resolves_as_in_rasa(type_name):
    assert resolve_by_type(type_name) is RASA(type_name)
    assert resolve_by_type(type_name, default=SlotSet) is RASA(type_name, SlotSet)


@pytest.mark.parametrize("odd", ["no_such_event", "", "USER", "user ", "🙂"])
def test_unknown_names_fail_or_default_as_in_rasa(odd):
    with pytest.raises(ValueError):
        RASA(odd)
    with pytest.raises(ValueError):
        resolve_by_type(odd)
    assert resolve_by_type(odd, default=SlotSet) is SlotSet


@pytest.mark.parametrize("odd", [None, 3, ["user"], {"event": "user"}])
def test_names_that_are_not_strings_get_rasas_own_answer(odd):
    with pytest.raises(ValueError):
        resolve_by_type(odd)
    assert resolve_by_type(odd, default=SlotSet) is SlotSet


def test_old_topic_events_still_resolve_to_nothing():
    assert resolve_by_type("topic") is None is RASA("topic")


def test_the_class_tree_is_walked_once_per_name(monkeypatch):
    walks = []
    walk = rasa.shared.utils.common.all_subclasses
    monkeypatch.setattr(
        rasa.shared.utils.common, "all_subclasses", lambda cls: walks.append(cls) or walk(cls)
    )
    event_lookup._known_class.cache_clear()
    for _ in range(3):
        assert resolve_by_type("action") is ActionExecuted
    assert walks.count(Event) == 1  # the walk recurses into subclasses: count its starts


def test_installed_it_is_what_rasa_uses_to_read_events(monkeypatch):
    # Restored afterwards, as the staticmethod it was.
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    event_lookup.look_up_event_classes_once()
    assert Event.resolve_by_type is resolve_by_type
    event = Event.from_parameters({"event": "action", "name": "action_listen", "timestamp": 1.0})
    assert isinstance(event, ActionExecuted) and event.action_name == "action_listen"
