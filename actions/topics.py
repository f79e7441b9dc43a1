"""Actions that answer from the topic catalogue: an answer, and its "tell me more"."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load_content
from actions.reply import latest_intent, send
from actions.step_choice import last_offered_step
from server.names import NEXT_STEP_TOPIC


class ActionAnswerTopic(Action):
    """Answers the topic the latest intent asks for (fallback when there is none)."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        topic = self.content.topic_for_intent(latest_intent(tracker))
        send(dispatcher, topic.id, topic.answer, topic.buttons, topic.section)
        return [SlotSet("last_topic", topic.id)]


class ActionTellMore(Action):
    """Gives the deeper part of the last topic, under the same topic id."""

    def __init__(self) -> None:
        self.content = load_content()

    def name(self) -> Text:
        return "action_tell_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        last = tracker.get_slot("last_topic")
        if last == NEXT_STEP_TOPIC:
            self._more_about_step(dispatcher, tracker)
            return []
        topic = self.content.topics.get(last) or self.content.topics["help"]
        send(dispatcher, topic.id, topic.more, topic.buttons, topic.section)
        return [SlotSet("last_topic", topic.id)]

    def _more_about_step(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """The strategy behind the step just suggested, told as part of the step."""
        step = last_offered_step(self.content.steps, tracker.get_slot("offered_steps"))
        strategy = self.content.topics[step.strategy] if step else self.content.topics["strategies"]
        buttons = self.content.next_step["step_buttons"]
        send(dispatcher, NEXT_STEP_TOPIC, strategy.answer, buttons, strategy.section)
