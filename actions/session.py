"""The start of a session (after an hour of silence, or a first message): what carries over.

Chosen slot by slot (the domain carries none over by itself): the step someone planned to
try, for the check-in (actions/checkin.py), and the steps already offered, so that none is
offered twice. Today's energy and mode, the topic being talked about and "no one to
contact" belong to the day, and are asked or said again."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.checkin import PLANNED_STEP

CARRIED_OVER = (PLANNED_STEP, "offered_steps")


class ActionStartSession(Action):
    """Starts a session, carrying over only the slots that outlive a day."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        kept = [
            SlotSet(slot, tracker.get_slot(slot))
            for slot in CARRIED_OVER
            if tracker.get_slot(slot) is not None
        ]
        return [SessionStarted(), *kept, ActionExecuted("action_listen")]
