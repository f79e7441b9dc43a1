"""The check-in: someone who said they would try a step is asked, in their next session, how it
went, right after the reply to their first message of that session.

It cannot live in the session start: Rasa runs that before the first message is parsed, so
it cannot know whether the message is a crisis. The actions that answer a message call
`check_in` after their reply instead; a crisis or check message is answered by the domain's
responses, which never call it, so a crisis never gets a check-in. Asked once: the planned
step is forgotten once asked (or once the person says how it went)."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content import Content
from actions.reply import first_message_of_session, send
from actions.step_choice import step_by_id
from server.names import CHECKIN_TOPIC, PLANNED_STEP_SLOT


def check_in(
    dispatcher: CollectingDispatcher, tracker: Tracker, content: Content
) -> List[EventType]:
    """Asks how the planned step went, when this is the first message of a new session."""
    step = step_by_id(content.steps, tracker.get_slot(PLANNED_STEP_SLOT))
    if step is None or not first_message_of_session(tracker):
        return []
    question = content.next_step["checkin"]
    text = question["text"].strip().replace("{step}", step.text)
    send(dispatcher, CHECKIN_TOPIC, text, question["buttons"])
    return [SlotSet(PLANNED_STEP_SLOT, None)]


def forget_planned_step(tracker: Tracker) -> List[EventType]:
    """The person said how it went: nothing left to ask about."""
    return [SlotSet(PLANNED_STEP_SLOT, None)] if tracker.get_slot(PLANNED_STEP_SLOT) else []


def plan(step_id: Text) -> List[EventType]:
    """Remembers the step the person will try, for the next session's check-in."""
    return [SlotSet(PLANNED_STEP_SLOT, step_id)]
