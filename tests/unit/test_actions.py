"""The custom actions, run the way the action server runs them."""

import asyncio
from typing import Any, Dict, List, Optional

import pytest
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
from actions.yes_no import ActionAnswerYesNo
from tests.support.paths import load_yaml

CONTENT = load_content()
DOMAIN = load_yaml("domain.yml")
FORM = "step_preferences_form"


def user(text: str = "", intent: str = "") -> Dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def bot(payloads: List[str], topic: str = "next-step") -> Dict[str, Any]:
    buttons = [{"title": p, "payload": p} for p in payloads]
    return {"event": "bot", "text": "...", "data": {"buttons": buttons, "custom": {"topic": topic}}}


SESSION = [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]


def tracker(
    intent: str,
    text: str = "",
    slots: Optional[Dict[str, Any]] = None,
    before: Optional[List[Dict[str, Any]]] = None,
    loop: Optional[str] = None,
) -> Tracker:
    """The tracker of a conversation whose latest message is `text`, after `before`."""
    return Tracker(
        sender_id="test",
        slots=dict(slots or {}),
        latest_message={
            "intent": {"name": intent, "confidence": 1.0},
            "text": text,
            "entities": [],
        },
        events=SESSION + list(before or []) + [user(text, intent)],
        paused=False,
        followup_action=None,
        active_loop={"name": loop} if loop else {},
        latest_action_name="action_listen",
    )


def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, DOMAIN))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def topics(messages: List[Dict[str, Any]]) -> List[str]:
    return [m["custom"]["topic"] for m in messages if m.get("custom")]


def test_answer_topic_sends_the_answer_with_its_topic_section_and_buttons():
    messages, slots = run(ActionAnswerTopic(), tracker("faq_decline_invitations"))
    topic = CONTENT.topics["faq.decline-invitations"]
    assert topics(messages) == ["faq.decline-invitations"]
    assert messages[0]["text"] == topic.answer
    assert messages[0]["buttons"] == topic.buttons
    assert messages[0]["custom"]["section"] == topic.section
    assert slots["last_topic"] == "faq.decline-invitations"


def test_not_a_diagnosis_is_said_once_per_session():
    first, slots = run(ActionAnswerTopic(), tracker("symptom_sleep"))
    assert "not a diagnosis" in first[0]["text"] and slots["caveat_given"] is True
    again, _ = run(ActionAnswerTopic(), tracker("symptom_fatigue", slots={"caveat_given": True}))
    assert "not a diagnosis" not in again[0]["text"]


def test_unclear_messages_get_the_fallback_topic():
    messages, _ = run(ActionAnswerTopic(), tracker("nlu_fallback", "purple monkey"))
    assert topics(messages) == ["fallback"]


@pytest.mark.parametrize("intent", ["nlu_fallback", "affirm", "deny", "ack"])
def test_a_follow_up_to_a_medical_answer_is_never_a_yes(intent):
    action = ActionAnswerTopic() if intent == "nlu_fallback" else ActionAnswerYesNo()
    messages, _ = run(action, tracker(intent, "so is that a yes", {"last_topic": "medical"}))
    assert topics(messages) == ["medical"]
    assert messages[0]["text"] == CONTENT.topics["medical"].more


def test_more_from_someone_venting_gets_listening_words_in_turn():
    slots = {"last_topic": "feeling.vent", "heard": 1}
    messages, events = run(ActionAnswerTopic(), tracker("nlu_fallback", "and then she left", slots))
    assert topics(messages) == ["feeling.vent"]
    assert messages[0]["text"] == CONTENT.listening[1] and events["heard"] == 2


def test_someone_who_says_they_have_no_one_is_remembered():
    _, slots = run(ActionAnswerTopic(), tracker("feeling_lonely", "i have no friends at all"))
    assert slots["no_contact"] is True


def test_tell_more_gives_the_deeper_part_then_says_when_it_is_used_up():
    messages, slots = run(ActionTellMore(), tracker("tell_more", slots={"last_topic": "barriers"}))
    assert topics(messages) == ["barriers"]
    assert messages[0]["text"] == CONTENT.topics["barriers"].more
    slots = {"last_topic": "barriers", "told_more": "barriers"}
    messages, _ = run(ActionTellMore(), tracker("tell_more", slots=slots))
    assert topics(messages) == ["barriers"]
    assert messages[0]["text"] == CONTENT.depth_used_up.strip()
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads and "/tell_more" not in payloads


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


def validate(intent: str, text: str, asked: str = "energy"):
    t = tracker(intent, text, {"requested_slot": asked}, loop=FORM)
    return run(ValidateStepPreferencesForm(), t)


def test_the_form_reads_both_answers_in_any_order():
    assert validate("inform_mode", "online")[1] == {"mode": "online"}
    assert validate("inform_energy", "low energy, online only")[1] == {
        "energy": "low",
        "mode": "online",
    }
    assert validate("barrier_low_energy", "im pretty tired today and rather not in person")[1] == {
        "energy": "low",
        "mode": "online",
    }


@pytest.mark.parametrize(
    "intent,text",
    [
        ("faq_decline_invitations", "wait is it ok to decline invitations when im depressed"),
        ("medical", "btw can i skip my meds today, they make me so tired"),
        ("crisis", "idk my energy is zero, honestly i want to die"),
        ("not_now", "not now, my energy is low"),
    ],
)
def test_the_form_leaves_questions_a_crisis_and_leaving_to_the_rules(intent, text):
    assert validate(intent, text) == ([], {})


def test_no_one_to_contact_during_the_questions_is_heard_and_the_question_stays():
    messages, slots = validate("feeling_lonely", "i have no friends at all")
    assert slots == {"no_contact": True} and topics(messages) == ["next-step"]


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
    fitting = [s.id for s in CONTENT.steps if s.energy == "low" and s.mode in ("online", "either")]
    assert sorted(seen) == sorted(fitting)


def test_too_hard_offers_a_step_of_lower_effort():
    last = next(s for s in CONTENT.steps if s.effort == 4)
    slots = {"energy": "more", "mode": "either", "offered_steps": [last.id]}
    messages, events = suggest("too_hard", slots)
    assert events["energy"] == "some"
    step = next(s for s in CONTENT.steps if s.id == events["offered_steps"][-1])
    assert step.effort < last.effort
    assert messages[0]["text"].startswith(CONTENT.next_step["smaller_intro"])


def test_too_hard_after_the_smallest_step_says_so_kindly():
    smallest = next(s for s in CONTENT.steps if s.effort == 1 and s.energy == "low")
    slots = {"energy": "low", "mode": "either", "offered_steps": [smallest.id]}
    messages, _ = suggest("too_hard", slots)
    assert topics(messages) == ["next-step"]
    assert messages[0]["text"] == CONTENT.next_step["smallest_reached"]["text"].strip()


def test_no_step_that_needs_a_contact_for_someone_with_no_one():
    slots: Dict[str, Any] = {"energy": "more", "mode": "either", "no_contact": True}
    for _ in range(10):
        _, events = suggest("something_else", slots)
        step = next(s for s in CONTENT.steps if s.id == events["offered_steps"][-1])
        assert step.needs != "contact"
        slots["offered_steps"] = events["offered_steps"]


def test_a_new_energy_level_in_free_text_changes_the_suggestion():
    _, events = suggest(
        "inform_energy", {"energy": "low", "mode": "either"}, "my energy is better now"
    )
    assert events["energy"] == "more"


def test_widening_moves_energy_one_level_then_the_mode():
    _, events = suggest("widen_steps", {"energy": "low", "mode": "online", "offered_steps": []})
    assert (events["energy"], events["mode"]) == ("some", "online")
    every = [s.id for s in CONTENT.steps]
    _, events = suggest("widen_steps", {"energy": "more", "mode": "online", "offered_steps": every})
    assert (events["energy"], events["mode"]) == ("more", "either")
    assert len(events["offered_steps"]) == 1


def test_i_did_it_is_celebrated_and_a_failed_try_is_not():
    messages, slots = run(
        ActionReplyStep(), tracker("report_step_done", slots={"planned_step": "x"})
    )
    assert topics(messages) == ["step.celebrate"] and slots["planned_step"] is None
    messages, _ = run(ActionReplyStep(), tracker("step_tried", "they never replied"))
    assert topics(messages) == ["step.tried"]
    assert "did it" not in messages[0]["text"].lower()


def test_i_will_try_it_plans_the_step_and_not_now_leaves():
    first = CONTENT.steps[0]
    messages, slots = run(
        ActionReplyStep(), tracker("will_try", slots={"offered_steps": [first.id]})
    )
    assert topics(messages) == ["next-step"] and slots["planned_step"] == first.id
    messages, _ = run(ActionReplyStep(), tracker("not_now"))
    assert topics(messages) == ["ack"]


STEP_BUTTONS = [b["payload"] for b in CONTENT.next_step["step_buttons"]]
WIDEN_BUTTONS = [b["payload"] for b in CONTENT.next_step["exhausted"]["buttons"]]
CHECKIN_BUTTONS = [b["payload"] for b in CONTENT.next_step["checkin"]["buttons"]]
CONFIRM_BUTTONS = [b["payload"] for b in CONTENT.privacy["confirm"]["buttons"]]


@pytest.mark.parametrize(
    "asked,intent,topic",
    [
        (STEP_BUTTONS, "affirm", "next-step"),  # I'll try it
        (STEP_BUTTONS, "ack", "next-step"),
        (STEP_BUTTONS, "deny", "ack"),  # not now
        (WIDEN_BUTTONS, "affirm", "next-step"),  # a wider step
        (WIDEN_BUTTONS, "deny", "ack"),
        (CHECKIN_BUTTONS, "affirm", "step.celebrate"),
        (CHECKIN_BUTTONS, "deny", "next-step"),  # not yet
        (CONFIRM_BUTTONS, "deny", "ack"),  # kept
        (CONFIRM_BUTTONS, "ack", "ack"),  # an ok never deletes
        ([], "affirm", "ack"),  # nothing asked
        ([], "deny", "ack"),
        ([], "ack", "ack"),
    ],
)
def test_a_typed_yes_no_or_ok_answers_what_was_asked(asked, intent, topic):
    slots = {"offered_steps": [CONTENT.steps[0].id], "energy": "low", "mode": "online"}
    messages, _ = run(ActionAnswerYesNo(), tracker(intent, "yes", slots, before=[bot(asked)]))
    assert topics(messages) == [topic]


def test_a_yes_in_a_new_session_does_not_answer_yesterday_s_question():
    yesterday = [bot(STEP_BUTTONS)] + SESSION
    slots = {"offered_steps": [CONTENT.steps[0].id]}
    messages, events = run(ActionAnswerYesNo(), tracker("affirm", "yes", slots, yesterday))
    assert topics(messages) == ["ack"] and "planned_step" not in events


def test_a_yes_to_a_suggested_step_plans_it_for_the_check_in():
    slots = {"offered_steps": [CONTENT.steps[0].id]}
    _, events = run(ActionAnswerYesNo(), tracker("affirm", "yes", slots, [bot(STEP_BUTTONS)]))
    assert events["planned_step"] == CONTENT.steps[0].id


def test_the_check_in_follows_the_first_reply_of_a_session_only():
    planned = {"planned_step": CONTENT.steps[0].id}
    messages, slots = run(ActionAnswerTopic(), tracker("greet", "hi", planned))
    assert topics(messages) == ["greet", "step.checkin"]
    assert CONTENT.steps[0].text in messages[1]["text"] and slots["planned_step"] is None
    later = [user("hello", "greet"), bot([], "greet")]
    messages, _ = run(ActionAnswerTopic(), tracker("thanks", "thanks", planned, later))
    assert topics(messages) == ["thanks"]
