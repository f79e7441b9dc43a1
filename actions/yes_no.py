"""A typed yes, no or ok, read as the answer to what Reconnect asked just before (DESIGN.md,
"Conversation"): the button it stands for, or a short acknowledgement when nothing was asked.

Two answers never reach this action, because Rasa's rules answer them without the action
server: a yes or no to the crisis check question or after the crisis message, and a yes to
"delete it?" (which must run the delete action itself, data/rules.yml)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.checkin import check_in
from actions.content import load_content
from actions.next_step import FORM, reply_to_step, suggest_step
from actions.reply import asked_before, latest_intent, payloads_of, send
from actions.topics import answer_topic, more_of
from server.names import (
    ACK_TOPIC,
    DELETE_INTENT,
    MEDICAL_TOPIC,
    NEXT_STEP_TOPIC,
    PRIVACY_CONFIRM_TOPIC,
)

YES, NO = "affirm", "deny"
# What was asked, told by the buttons it was asked with, and what a typed yes, no or ok
# (intent ack) means there: the intent of the button it stands for.
MEANINGS: Dict[Text, Dict[Text, Text]] = {
    "/widen_steps": {YES: "widen_steps", "ack": "widen_steps", NO: "not_now"},
    "/will_try": {YES: "will_try", "ack": "will_try", NO: "not_now"},
    "/step_tried": {YES: "report_step_done", NO: "not_yet"},
    f"/{DELETE_INTENT}": {NO: "keep", "ack": "keep", YES: "ask_again"},
}


def meaning(intent: Optional[Text], payloads: List[Text]) -> Optional[Text]:
    """What a yes, no or ok means after a message with these buttons; None if nothing."""
    for payload, meanings in MEANINGS.items():
        if payload in payloads:
            return meanings.get(intent or "")
    return None


class ActionAnswerYesNo(Action):
    """Answers a typed yes, no or ok as the question just asked reads it."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_answer_yes_no"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = latest_intent(tracker)
        means = meaning(intent, payloads_of(asked_before(tracker)))
        if means in ("widen_steps",):
            return suggest_step(dispatcher, tracker, self.content, means)
        if means in ("will_try", "not_now", "report_step_done", "not_yet"):
            return reply_to_step(dispatcher, tracker, self.content, means)
        if means == "keep":
            kept = self.content.privacy["kept"]
            send(dispatcher, ACK_TOPIC, kept["text"].strip(), kept["buttons"])
            return []
        if means == "ask_again":  # a yes the rules did not take: never delete on a guess
            confirm = self.content.privacy["confirm"]
            send(dispatcher, PRIVACY_CONFIRM_TOPIC, confirm["text"].strip(), confirm["buttons"])
            return []
        if tracker.active_loop_name == FORM:  # not an answer: the question comes back after
            if intent != "ask_next_step":  # (asking again needs nothing more than the question)
                send(dispatcher, NEXT_STEP_TOPIC, self.content.next_step["not_understood"])
            return []
        if tracker.get_slot("last_topic") == MEDICAL_TOPIC:  # "so is that a yes?"
            return more_of(dispatcher, self.content.topics[MEDICAL_TOPIC])
        events = answer_topic(dispatcher, tracker, self.content, self.content.topics[ACK_TOPIC])
        return events + check_in(dispatcher, tracker, self.content)
