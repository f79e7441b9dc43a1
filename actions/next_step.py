"""Actions of the "small next step" conversation: two questions, a step, the follow-ups."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.content import ENERGY_LEVELS, load_content
from actions.reply import latest_intent, send
from actions.step_choice import choose_step, read_answer, smaller_energy
from server.names import CELEBRATE_TOPIC, NEXT_STEP_TOPIC


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


class ValidateStepPreferencesForm(FormValidationAction):
    """Reads free-text or button answers to the two questions ('pretty drained' -> low)."""

    def __init__(self) -> None:
        self.next_step = load_content().next_step

    def name(self) -> Text:
        return "validate_step_preferences_form"

    def _read(self, slot: Text, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        choice = read_answer(
            value if isinstance(value, str) else None, self.next_step["answers"][slot]
        )
        if choice is None:
            send(dispatcher, NEXT_STEP_TOPIC, self.next_step["not_understood"])
        return {slot: choice}

    def validate_energy(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Maps the answer to low / some / more, or asks again."""
        return self._read("energy", slot_value, dispatcher)

    def validate_mode(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Maps the answer to online / in-person / either, or asks again."""
        return self._read("mode", slot_value, dispatcher)


class ActionSuggestStep(Action):
    """Suggests one fitting step never offered before in this conversation."""

    def __init__(self) -> None:
        content = load_content()
        self.steps = content.steps
        self.next_step = content.next_step
        self.topics = content.topics

    def name(self) -> Text:
        return "action_suggest_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = latest_intent(tracker)
        energy, mode = self._preferences(intent, tracker)
        offered = list(tracker.get_slot("offered_steps") or [])
        step = choose_step(self.steps, energy, mode, offered)
        if step is None and intent == "widen_steps":
            offered = []  # every step was offered and the person asked to widen: start over
            step = choose_step(self.steps, energy, mode, offered)
        events: List[EventType] = [
            SlotSet("energy", energy),
            SlotSet("mode", mode),
            SlotSet("last_topic", NEXT_STEP_TOPIC),
        ]
        if step is None:
            exhausted = self.next_step["exhausted"]
            send(dispatcher, NEXT_STEP_TOPIC, exhausted["text"], exhausted["buttons"])
            return events
        intro = self.next_step[
            {"too_hard": "smaller_intro", "something_else": "other_intro"}.get(
                intent or "", "step_intro"
            )
        ]
        text = f"{intro} {step.text}\n{self.next_step['why_prefix']} {step.why}"
        send(
            dispatcher,
            NEXT_STEP_TOPIC,
            text,
            self.next_step["step_buttons"],
            self.topics[step.strategy].section,
        )
        return events + [SlotSet("offered_steps", offered + [step.id])]

    def _preferences(self, intent: Optional[Text], tracker: Tracker) -> "tuple":
        """Energy and mode for this suggestion, updated by what the latest message says."""
        energy, mode = tracker.get_slot("energy"), tracker.get_slot("mode")
        text = tracker.latest_message.get("text")
        answers = self.next_step["answers"]
        if intent == "too_hard":
            energy = smaller_energy(energy)
        elif intent == "widen_steps":
            energy, mode = ENERGY_LEVELS[-1], "either"
        elif intent == "inform_energy":
            energy = read_answer(text, answers["energy"]) or energy
        elif intent == "inform_mode":
            mode = read_answer(text, answers["mode"]) or mode
        return energy, mode


class ActionReplyStep(Action):
    """Answers "I'll try it", "not now" and "I did it" (the last one celebrates)."""

    def __init__(self) -> None:
        content = load_content()
        self.next_step = content.next_step

    def name(self) -> Text:
        return "action_reply_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        intent = latest_intent(tracker)
        if intent == "report_step_done":
            reply = self.next_step["celebrate"]
            send(dispatcher, CELEBRATE_TOPIC, reply["text"], reply["buttons"], reply["section"])
            return [SlotSet("last_topic", CELEBRATE_TOPIC)]
        reply = self.next_step["will_try" if intent == "will_try" else "not_now"]
        send(dispatcher, NEXT_STEP_TOPIC, reply["text"], reply["buttons"])
        return [SlotSet("last_topic", NEXT_STEP_TOPIC)]
