"""Actions that answer from the topic catalogue: an answer, and its "tell me more"."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.checkin import check_in
from actions.content import Content, Topic, load_content
from actions.next_step import FORM, NO_CONTACT, says_no_one
from actions.reply import latest_intent, latest_text, send
from actions.step_choice import last_offered_step
from server.names import FALLBACK_TOPIC, MEDICAL_TOPIC, NEXT_STEP_TOPIC, VENT_TOPIC

CAVEAT_GIVEN = "caveat_given"
TOLD_MORE = "told_more"
# Unclear messages, and answers to the step questions that could not be read.
UNCLEAR = ("nlu_fallback", "inform_energy", "inform_mode")


def answer_topic(
    dispatcher: CollectingDispatcher, tracker: Tracker, content: Content, topic: Topic
) -> List[EventType]:
    """Sends a topic's answer, with its "not a diagnosis" caveat the first time in a session."""
    text, events = topic.answer, [SlotSet("last_topic", topic.id), SlotSet(TOLD_MORE, None)]
    if topic.caveat and not tracker.get_slot(CAVEAT_GIVEN):
        text = f"{text} {topic.caveat}"
        events.append(SlotSet(CAVEAT_GIVEN, True))
    send(dispatcher, topic.id, text, topic.buttons, topic.section)
    return events


def listen(dispatcher: CollectingDispatcher, tracker: Tracker, content: Content) -> List[EventType]:
    """More from someone who is venting: listening words, in turn, no advice."""
    heard = int(tracker.get_slot("heard") or 0)
    line = content.listening[heard % len(content.listening)]
    vent = content.topics[VENT_TOPIC]
    send(dispatcher, VENT_TOPIC, line, vent.buttons)
    return [SlotSet("last_topic", VENT_TOPIC), SlotSet("heard", heard + 1)]


def more_of(dispatcher: CollectingDispatcher, topic: Topic) -> List[EventType]:
    """A topic's deeper part."""
    send(dispatcher, topic.id, topic.more, topic.buttons, topic.section)
    return [SlotSet("last_topic", topic.id), SlotSet(TOLD_MORE, topic.id)]


class ActionAnswerTopic(Action):
    """Answers the topic the latest intent asks for, read in context (fallback when none)."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        events = self._answer(dispatcher, tracker, latest_intent(tracker))
        if says_no_one(latest_text(tracker), self.content):
            events.append(SlotSet(NO_CONTACT, True))
        return events + check_in(dispatcher, tracker, self.content)

    def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, intent: Optional[Text]
    ) -> List[EventType]:
        last = tracker.get_slot("last_topic")
        if intent in UNCLEAR:
            if tracker.active_loop_name == FORM:
                send(dispatcher, NEXT_STEP_TOPIC, self.content.next_step["not_understood"])
                return []
            if last == MEDICAL_TOPIC:  # "so is that a yes?"
                return more_of(dispatcher, self.content.topics[MEDICAL_TOPIC])
            if last == VENT_TOPIC:  # more of what they needed to say
                return listen(dispatcher, tracker, self.content)
        if intent == "feeling_vent" and last == VENT_TOPIC:
            return listen(dispatcher, tracker, self.content)
        topic = self.content.topic_for_intent(intent)
        if intent in UNCLEAR:
            topic = self.content.topics[FALLBACK_TOPIC]
        return answer_topic(dispatcher, tracker, self.content, topic)


class ActionTellMore(Action):
    """Gives the deeper part of the last topic; once told, says so and offers related topics."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_tell_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        last = tracker.get_slot("last_topic")
        if last == NEXT_STEP_TOPIC:
            events = self._more_about_step(dispatcher, tracker)
        else:
            topic = self.content.topics.get(last) or self.content.topics["help"]
            if topic.id == tracker.get_slot(TOLD_MORE):
                events = self._depth_used_up(dispatcher, topic)
            else:
                events = more_of(dispatcher, topic)
        return events + check_in(dispatcher, tracker, self.content)

    def _depth_used_up(self, dispatcher: CollectingDispatcher, topic: Topic) -> List[EventType]:
        """Everything on this topic was told: say so, and offer the related topics."""
        related = [b for b in topic.buttons if b["payload"] != "/tell_more"]
        send(dispatcher, topic.id, self.content.depth_used_up.strip(), related, topic.section)
        return []

    def _more_about_step(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> List[EventType]:
        """The strategy behind the step just suggested, told as part of the step."""
        step = last_offered_step(self.content.steps, tracker.get_slot("offered_steps"))
        strategy = self.content.topics[step.strategy] if step else self.content.topics["strategies"]
        buttons = self.content.next_step["step_buttons"]
        send(dispatcher, NEXT_STEP_TOPIC, strategy.answer, buttons, strategy.section)
        return []
