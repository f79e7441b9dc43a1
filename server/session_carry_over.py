"""A new session carries over only the slots that outlive a day.

Rasa 3.6 carries over every slot into a new session, or none (the domain's
`carry_over_slots_to_new_session`). Reconnect chooses slot by slot (server/names.py,
CARRIED_OVER_SLOTS): the step someone planned to try, so that the next session can ask how it
went, and the steps already offered, so that none is offered twice. Today's energy and mode,
"no one to contact", the topic being talked about and "not a diagnosis already said" belong
to the day: asked or said again. It stays Rasa's own session start, run by Rasa itself, so a
first message is answered (a crisis above all) even when the action server is down.
"""

from __future__ import annotations

from typing import Dict, List, Text

from rasa.core.actions.action import ActionSessionStart
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from server.names import CARRIED_OVER_SLOTS


def carried_over(tracker: DialogueStateTracker) -> List[SlotSet]:
    """The latest value of each slot that carries over, if it has one."""
    latest: Dict[Text, SlotSet] = {}
    for event in tracker.applied_events():
        if isinstance(event, SlotSet) and event.key in CARRIED_OVER_SLOTS:
            latest[event.key] = event
    return [
        SlotSet(key=e.key, value=e.value, metadata=e.metadata)
        for e in latest.values()
        if e.value is not None
    ]


def carry_over_chosen_slots_only() -> None:
    """Makes Rasa's session start carry over the chosen slots, and no others."""
    ActionSessionStart._slot_set_events_from_tracker = staticmethod(carried_over)
