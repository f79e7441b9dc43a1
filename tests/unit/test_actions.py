"""The custom actions, run the way the action server runs them."""

import asyncio
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.content import load_content
from actions.next_step import (
    ActionAskEnergy,
    ActionAskMode,
    ActionReplyStep,
    ActionSuggestStep,
    ValidateStepPreferencesForm,
)
from actions.topics import ActionAnswerTopic, ActionTellMore

CONTENT = load_content()


def tracker(intent: str, text: str = "", slots: Optional[Dict[str, Any]] = None) -> Tracker:
    return Tracker(
        sender_id="test",
        slots=dict(slots or {}),
        latest_message={
            "intent": {"name": intent, "confidence": 1.0},
            "text": text,
            "entities": [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def topics(messages: List[Dict[str, Any]]) -> List[str]:
    return [m["custom"]["topic"] for m in messages]


def test_answer_topic_sends_the_answer_with_its_topic_section_and_buttons():
    messages, slots = run(ActionAnswerTopic(), tracker("faq_decline_invitations"))
    topic = CONTENT.topics["faq.decline-invitations"]
    assert topics(messages) == ["faq.decline-invitations"]
    assert messages[0]["text"] == topic.answer
    assert messages[0]["buttons"] == topic.buttons
    assert messages[0]["custom"]["section"] == topic.section
    assert slots == {"last_topic": "faq.decline-invitations"}


def test_unknown_and_fallback_intents_get_the_fallback_topic():
    for intent in ("nlu_fallback", "affirm", None):
        messages, _ = run(ActionAnswerTopic(), tracker(intent))
        assert topics(messages) == ["fallback"]


def test_tell_more_gives_the_deeper_part_of_the_same_topic():
    messages, slots = run(ActionTellMore(), tracker("tell_more", slots={"last_topic": "barriers"}))
    assert topics(messages) == ["barriers"]
    assert messages[0]["text"] == CONTENT.topics["barriers"].more
    assert slots["last_topic"] == "barriers"


def test_tell_more_without_a_topic_offers_the_menu():
    messages, _ = run(ActionTellMore(), tracker("tell_more"))
    assert topics(messages) == ["help"]


def test_tell_more_after_a_step_explains_its_strategy_as_part_of_the_step():
    first = CONTENT.steps[0]
    messages, _ = run(
        ActionTellMore(),
        tracker("tell_more", slots={"last_topic": "next-step", "offered_steps": [first.id]}),
    )
    assert topics(messages) == ["next-step"]
    assert messages[0]["text"] == CONTENT.topics[first.strategy].answer


def test_questions_carry_the_next_step_topic_and_their_buttons():
    for action, slot in ((ActionAskEnergy(), "energy"), (ActionAskMode(), "mode")):
        assert action.name() == f"action_ask_{slot}"
        messages, _ = run(action, tracker("ask_next_step"))
        assert topics(messages) == ["next-step"]
        assert messages[0]["buttons"] == CONTENT.next_step["questions"][slot]["buttons"]


def test_form_validation_reads_free_text_and_asks_again_when_unclear():
    form = ValidateStepPreferencesForm()
    dispatcher = CollectingDispatcher()
    assert form.validate_energy(
        "pretty drained today", dispatcher, tracker("inform_energy"), {}
    ) == {"energy": "low"}
    assert form.validate_mode("online is easier", dispatcher, tracker("inform_mode"), {}) == {
        "mode": "online"
    }
    assert dispatcher.messages == []
    assert form.validate_energy("purple", dispatcher, tracker("inform_energy"), {}) == {
        "energy": None
    }
    assert topics(dispatcher.messages) == ["next-step"]


def suggest(intent: str, slots: Dict[str, Any], text: str = ""):
    return run(ActionSuggestStep(), tracker(intent, text, slots))


def test_suggestions_fit_and_never_repeat_until_they_run_out():
    slots: Dict[str, Any] = {"energy": "low", "mode": "online", "offered_steps": []}
    seen = []
    while True:
        messages, events = suggest("something_else", slots)
        assert topics(messages) == ["next-step"]
        if "offered_steps" not in events:
            assert messages[0]["text"] == CONTENT.next_step["exhausted"]["text"].strip()
            break
        new = events["offered_steps"][-1]
        step = next(s for s in CONTENT.steps if s.id == new)
        assert step.energy == "low" and step.mode in ("online", "either")
        assert new not in seen and step.text in messages[0]["text"]
        seen.append(new)
        slots["offered_steps"] = events["offered_steps"]
    # Every step that fits was offered once before they ran out.
    fitting = [s.id for s in CONTENT.steps if s.energy == "low" and s.mode in ("online", "either")]
    assert sorted(seen) == sorted(fitting)


def test_too_hard_lowers_the_energy_and_offers_a_smaller_step():
    messages, events = suggest(
        "too_hard", {"energy": "more", "mode": "either", "offered_steps": []}
    )
    assert events["energy"] == "some"
    step = next(s for s in CONTENT.steps if s.id == events["offered_steps"][-1])
    assert step.energy in ("low", "some")
    assert messages[0]["text"].startswith(CONTENT.next_step["smaller_intro"])


def test_a_new_energy_level_in_free_text_changes_the_suggestion():
    _, events = suggest(
        "inform_energy", {"energy": "low", "mode": "either"}, "my energy is better now"
    )
    assert events["energy"] == "more"


def test_widening_after_running_out_offers_steps_again():
    every = [s.id for s in CONTENT.steps]
    messages, events = suggest(
        "widen_steps", {"energy": "low", "mode": "online", "offered_steps": every}
    )
    assert events["mode"] == "either" and len(events["offered_steps"]) == 1


def test_i_did_it_is_celebrated_and_other_replies_stay_in_next_step():
    messages, slots = run(ActionReplyStep(), tracker("report_step_done"))
    assert topics(messages) == ["step.celebrate"]
    for intent in ("will_try", "not_now"):
        messages, _ = run(ActionReplyStep(), tracker(intent))
        assert topics(messages) == ["next-step"]
