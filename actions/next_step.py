"""Actions of the "small next step" conversation: two questions, a step, the follow-ups."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.checkin import forget_planned_step, plan
from actions.content import ENERGY_LEVELS, MODES, Content, load_content
from actions.reply import answered_already, latest_intent, latest_text, send
from actions.step_choice import (
    choose_step,
    is_question,
    larger_energy,
    last_offered_step,
    read_answers,
    says,
    smaller_energy,
)
from server.names import ACK_TOPIC, CELEBRATE_TOPIC, MEDICAL_TOPIC, NEXT_STEP_TOPIC, TRIED_TOPIC

FORM = "step_preferences_form"
NO_CONTACT = "no_contact"
# Intents whose message may be an answer even when it reads like a question ("could i do
# something online?"); for any other intent, a question is a question about something else,
# answered before the step question comes back.
ANSWER_INTENTS = {
    "inform_energy",
    "inform_mode",
    "ask_next_step",
    "affirm",
    "deny",
    "ack",
    "nlu_fallback",
}


class ActionAskEnergy(Action):
    """Asks how much energy the person has today (the form's first question)."""

    slot = "energy"

    def __init__(self) -> None:
        self.question = load_content().next_step["questions"][self.slot]

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        send(dispatcher, NEXT_STEP_TOPIC, self.question["text"], self.question["buttons"])
        return []


class ActionAskMode(ActionAskEnergy):
    """Asks whether online or in person suits the person better (the second question)."""

    slot = "mode"


def says_no_one(text: Text, content: Content) -> bool:
    """Whether the person says they have no one to contact ("i have no friends at all")."""
    return says(text, content.next_step["no_contact_phrases"])


# A message that answers neither question (a question about something else, a feeling) is
# left to the rules, which answer it and bring the question back (data/rules.yml).
class ValidateStepPreferencesForm(FormValidationAction):
    """Reads both answers from any message, in any order, in free text with negation."""

    def __init__(self) -> None:
        self.content = load_content()
        self.next_step = self.content.next_step

    def name(self) -> Text:
        return f"validate_{FORM}"

    def _answers(self, tracker: Tracker, domain: DomainDict) -> Dict[Text, Text]:
        """What the latest message answers, if it is an answer at all."""
        intent = latest_intent(tracker)
        ignored = domain.get("forms", {}).get(FORM, {}).get("ignored_intents", [])
        # Once something was said for this message (the question came back after another
        # answer), there is nothing new to read; a crisis or "not now" is never an answer.
        if intent in ignored or answered_already(tracker):
            return {}
        text = latest_text(tracker)
        found = read_answers(
            text,
            self.next_step["answers"],
            self.next_step["answers_when_asked"],
            tracker.get_slot("requested_slot"),
        )
        if found and (intent in ANSWER_INTENTS or not is_question(text)):
            return found
        return {}

    async def extract_energy(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Energy (low / some / more), if the latest message says it."""
        found = self._answers(tracker, domain)
        return {"energy": found["energy"]} if "energy" in found else {}

    async def extract_mode(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Mode (online / in-person / either), if the latest message says it."""
        found = self._answers(tracker, domain)
        return {"mode": found["mode"]} if "mode" in found else {}

    def validate_energy(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Keeps an energy level the reader found."""
        return {"energy": slot_value if slot_value in ENERGY_LEVELS else None}

    def validate_mode(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Keeps a mode the reader found."""
        return {"mode": slot_value if slot_value in MODES else None}

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The answers; and someone with no one to contact is heard, and never trapped."""
        events = await super().run(dispatcher, tracker, domain)
        intent = latest_intent(tracker)
        ignored = domain.get("forms", {}).get(FORM, {}).get("ignored_intents", [])
        if (
            intent not in ignored
            and not answered_already(tracker)
            and says_no_one(latest_text(tracker), self.content)
        ):
            send(dispatcher, NEXT_STEP_TOPIC, self.next_step["no_contact"]["text"].strip())
            events.append(SlotSet(NO_CONTACT, True))
        return events


def suggest_step(
    dispatcher: CollectingDispatcher, tracker: Tracker, content: Content, intent: Optional[Text]
) -> List[EventType]:
    """Suggests one fitting step never offered before in this conversation (or says there is
    none left); `intent` says what was asked: another, a smaller, a wider one."""
    next_step = content.next_step
    energy, mode = _preferences(intent, tracker, next_step)
    offered = list(tracker.get_slot("offered_steps") or [])
    no_contact = bool(tracker.get_slot(NO_CONTACT))
    below = None
    if intent == "too_hard":
        last = last_offered_step(content.steps, offered)
        below = last.effort if last else None
    step = choose_step(content.steps, energy, mode, offered, no_contact, below)
    if step is None and intent == "widen_steps":
        offered = []  # every step was offered and the person asked to widen: start over
        step = choose_step(content.steps, energy, mode, offered, no_contact)
    events: List[EventType] = [
        SlotSet("energy", energy),
        SlotSet("mode", mode),
        SlotSet("last_topic", NEXT_STEP_TOPIC),
    ]
    if step is None:
        reply = next_step["smallest_reached" if below is not None else "exhausted"]
        send(dispatcher, NEXT_STEP_TOPIC, reply["text"].strip(), reply["buttons"])
        return events
    intro = next_step[
        {"too_hard": "smaller_intro", "something_else": "other_intro"}.get(
            intent or "", "wider_intro" if intent == "widen_steps" else "step_intro"
        )
    ]
    text = f"{intro} {step.text}\n{next_step['why_prefix']} {step.why}"
    send(
        dispatcher,
        NEXT_STEP_TOPIC,
        text,
        next_step["step_buttons"],
        content.topics[step.strategy].section,
    )
    return events + [SlotSet("offered_steps", offered + [step.id])]


def _preferences(
    intent: Optional[Text], tracker: Tracker, next_step: Dict[Text, Any]
) -> Tuple[Optional[Text], Optional[Text]]:
    """Energy and mode for this suggestion, updated by what the latest message says."""
    energy, mode = tracker.get_slot("energy"), tracker.get_slot("mode")
    if intent == "too_hard":
        energy = smaller_energy(energy)
    elif intent == "widen_steps":
        if energy == ENERGY_LEVELS[-1]:
            mode = "either"
        energy = larger_energy(energy)
    elif intent in ("inform_energy", "inform_mode"):
        found = read_answers(
            latest_text(tracker), next_step["answers"], next_step["answers_when_asked"], None
        )
        energy, mode = found.get("energy", energy), found.get("mode", mode)
    return energy, mode


def reply_to_step(
    dispatcher: CollectingDispatcher, tracker: Tracker, content: Content, intent: Optional[Text]
) -> List[EventType]:
    """Answers "I'll try it", "I did it", "it didn't go well", "not yet" and "not now"."""
    next_step = content.next_step
    if intent == "report_step_done":
        reply = next_step["celebrate"]
        send(dispatcher, CELEBRATE_TOPIC, reply["text"].strip(), reply["buttons"], reply["section"])
        return [SlotSet("last_topic", CELEBRATE_TOPIC)] + forget_planned_step(tracker)
    if intent == "step_tried":
        reply = next_step["tried"]
        send(dispatcher, TRIED_TOPIC, reply["text"].strip(), reply["buttons"], reply["section"])
        return [SlotSet("last_topic", TRIED_TOPIC)] + forget_planned_step(tracker)
    if intent == "will_try":
        reply = next_step["will_try"]
        send(dispatcher, NEXT_STEP_TOPIC, reply["text"].strip(), reply["buttons"])
        step = last_offered_step(content.steps, tracker.get_slot("offered_steps"))
        return [SlotSet("last_topic", NEXT_STEP_TOPIC)] + (plan(step.id) if step else [])
    if intent == "not_yet":
        reply = next_step["not_yet"]
        send(dispatcher, NEXT_STEP_TOPIC, reply["text"].strip(), reply["buttons"])
        return [SlotSet("last_topic", NEXT_STEP_TOPIC)]
    reply = next_step["not_now"]
    send(dispatcher, ACK_TOPIC, reply["text"].strip(), reply["buttons"])
    return [SlotSet("last_topic", ACK_TOPIC)]


class ActionSuggestStep(Action):
    """Suggests one fitting step never offered before in this conversation."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_suggest_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = latest_intent(tracker)
        if tracker.get_slot("last_topic") == MEDICAL_TOPIC and is_question(latest_text(tracker)):
            # "should i switch to a different one then?" after a medication answer: the
            # medication, not a step; still no advice.
            medical = self.content.topics[MEDICAL_TOPIC]
            send(dispatcher, medical.id, medical.more, medical.buttons, medical.section)
            return []
        return suggest_step(dispatcher, tracker, self.content, intent)


class ActionReplyStep(Action):
    """Answers "I'll try it", "I did it", "it didn't go well" and "not now"."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_reply_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        return reply_to_step(dispatcher, tracker, self.content, latest_intent(tracker))
