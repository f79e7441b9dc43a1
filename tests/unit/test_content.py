"""Content integrity: every catalogue topic has content, is reachable and offers valid moves."""

import re
from collections import Counter
from pathlib import Path

import pytest

from actions.content import ENERGY_LEVELS, intent_name, load_content
from tests.support.catalogue import content_topics
from tests.support.paths import ROOT, load_yaml

CONTENT = load_content()
# The article's areas (docs/topics.md): every topic in them is grounded in a section.
ARTICLE_TOPICS = [
    t for t in content_topics() if re.match(r"(symptom|connection|barrier|strateg|faq)", t)
]
DOMAIN = load_yaml("domain.yml")
# Intents only a pipeline component sets, never the classifier: no training examples.
# Intents no classifier learns: the safety net sets the first three, the deletion guard
# confirm_deletion, and only a button of the check question sends crisis_safe.
SET_BY_COMPONENTS = {
    "crisis",
    "crisis_check",
    "language_unsupported",
    "confirm_deletion",
    "crisis_safe",
}
RULES = load_yaml("data/rules.yml")["rules"]


def nlu_examples(folder: str) -> Counter:
    counts: Counter = Counter()
    for path in sorted(Path(ROOT, folder).glob("*.yml")):
        for block in load_yaml(str(path.relative_to(ROOT))).get("nlu", []):
            if "intent" in block:
                counts[block["intent"]] += len(re.findall(r"^\s*- ", block["examples"], re.M))
    return counts


def rule_intents(action: str) -> set:
    """Intents that a rule answers directly with `action`."""
    found = set()
    for rule in RULES:
        steps = rule["steps"]
        for step, following in zip(steps, steps[1:]):
            if following.get("action") != action:
                continue
            options = step.get("or", [step])
            found |= {o["intent"] for o in options if "intent" in o}
    return found


@pytest.mark.parametrize("topic_id", ARTICLE_TOPICS)
def test_every_article_topic_names_its_section_and_has_a_deeper_part(topic_id):
    topic = CONTENT.topics[topic_id]
    assert topic.section and topic.answer.strip() and topic.more.strip()
    assert topic.more.strip() != topic.answer.strip()
    assert {"title": "Tell me more", "payload": "/tell_more"} in topic.buttons


@pytest.mark.parametrize("topic_id", [t for t in content_topics() if t != "fallback"])
def test_every_topic_has_an_intent_that_a_rule_answers(topic_id):
    """`ack` too: its intent goes to the action that reads a yes, no or ok in context, which
    answers with the topic when nothing was asked."""
    intent = intent_name(topic_id)
    assert intent in DOMAIN["intents"]
    assert intent in rule_intents("action_answer_topic") | rule_intents("action_answer_yes_no")


def test_unclear_messages_are_answered_with_the_fallback_topic():
    assert "nlu_fallback" in rule_intents("action_answer_topic")
    assert CONTENT.topic_for_intent("nlu_fallback").id == "fallback"
    assert CONTENT.topic_for_intent("no_such_intent").id == "fallback"


def test_every_button_leads_to_a_known_intent():
    buttons = [b for t in CONTENT.topics.values() for b in t.buttons]
    ns = CONTENT.next_step
    buttons += ns["step_buttons"] + ns["exhausted"]["buttons"] + ns["will_try"]["buttons"]
    buttons += ns["not_now"]["buttons"] + ns["celebrate"]["buttons"]
    for key in ("smallest_reached", "tried", "checkin", "not_yet"):
        buttons += ns[key]["buttons"]
    buttons += [b for reply in CONTENT.privacy.values() for b in reply["buttons"]]
    buttons += [b for q in ns["questions"].values() for b in q["buttons"]]
    for button in buttons:
        assert button["title"].strip()
        if button["payload"].startswith("/"):
            assert button["payload"][1:] in DOMAIN["intents"], button


def test_question_buttons_are_understood_by_the_free_text_reader():
    from actions.step_choice import read_answer

    for slot, question in CONTENT.next_step["questions"].items():
        for button in question["buttons"]:
            if not button["payload"].startswith("/"):
                assert read_answer(button["payload"], CONTENT.next_step["answers"][slot]), button


def test_every_intent_has_at_least_20_training_examples():
    counts = nlu_examples("data/nlu")
    for intent in set(DOMAIN["intents"]) - SET_BY_COMPONENTS:
        assert counts[intent] >= 20, intent


def test_the_classifier_never_learns_the_intents_components_set():
    """Crisis: only the deterministic detector sets it (DESIGN.md: detection does not depend on
    the model); confirm_deletion: only the deletion guard."""
    assert not SET_BY_COMPONENTS & set(nlu_examples("data/nlu"))


def test_held_out_examples_are_never_trained_on():
    def texts(folder):
        found = set()
        for path in Path(ROOT, folder).glob("*.yml"):
            for block in load_yaml(str(path.relative_to(ROOT))).get("nlu", []):
                found |= {
                    e.strip().lower() for e in re.findall(r"^\s*- (.*)$", block["examples"], re.M)
                }
        return found

    assert not texts("data/nlu") & texts("tests/nlu")


def test_held_out_file_covers_every_intent_the_classifier_learns():
    counts = nlu_examples("tests/nlu")
    assert set(counts) == set(DOMAIN["intents"]) - SET_BY_COMPONENTS - {"widen_steps"}


def test_content_follows_the_content_rules():
    for topic in CONTENT.topics.values():
        text = " ".join([topic.answer, topic.more]).lower()
        assert "betterhelp" not in text and "http" not in text and "cheer up" not in text
    for topic_id in ARTICLE_TOPICS:
        if topic_id.startswith("symptom"):
            caveat = CONTENT.topics[topic_id].caveat or ""
            assert "not a diagnosis" in caveat and "professional" in caveat


# Everything that can be the first thing said about something: the answers of the topics and
# the flow's replies (the deeper parts come only when asked for).
FIRST_REPLIES = {t.id: t.answer for t in CONTENT.topics.values()}
FIRST_REPLIES.update(
    {
        f"next_step.{key}": value["text"]
        for key, value in CONTENT.next_step.items()
        if isinstance(value, dict) and "text" in value
    }
)
FIRST_REPLIES.update({f"privacy.{key}": value["text"] for key, value in CONTENT.privacy.items()})


@pytest.mark.parametrize("where", sorted(FIRST_REPLIES))
def test_no_answer_opens_with_a_bare_yes_or_no(where):
    """A medication question once landed on an answer that began "Yes, it's okay"."""
    assert not re.match(r"\W*(yes|no)\b", FIRST_REPLIES[where], re.I), FIRST_REPLIES[where]


def test_no_clinical_jargon_in_first_replies():
    for topic in CONTENT.topics.values():
        first = " ".join([topic.answer, topic.section or "", topic.caveat or ""]).lower()
        assert "retardation" not in first and "anhedonia" not in first, topic.id


def test_peer_groups_are_moderated():
    for s in CONTENT.steps:
        if "peer support" in s.text:
            assert "moderated" in s.text, s.id


def test_feelings_come_first_say_it_is_automated_and_offer_one_gentle_move():
    feelings = [t for t in CONTENT.topics.values() if t.id.startswith("feeling.")]
    assert {t.id for t in feelings} == {
        "feeling.lonely",
        "feeling.worthless",
        "feeling.hopeless",
        "feeling.overwhelmed",
        "feeling.vent",
    }
    for topic in feelings:
        assert "automated assistant" in topic.answer, topic.id
        assert topic.buttons, topic.id
    payloads = {t.id: [b["payload"] for b in t.buttons] for t in feelings}
    # Never a task for someone overwhelmed; no advice for someone who only wants to vent,
    # with the crisis resources one tap away.
    assert "/ask_next_step" not in payloads["feeling.overwhelmed"]
    assert payloads["feeling.vent"] == ["/crisis"]
    assert "/strategy_self_compassion" in payloads["feeling.worthless"]
    assert "/ask_next_step" in payloads["feeling.lonely"]


def test_a_medical_question_gets_who_to_ask_and_never_a_yes():
    medical = CONTENT.topics["medical"]
    for text in (medical.answer, medical.more):
        assert "pharmacist" in text and "doctor" in text and "prescriber" in text
    assert "/strategy_professional_help" in [b["payload"] for b in medical.buttons]


def test_welcome_and_bot_challenge_say_it_is_an_automated_assistant():
    for topic_id in ("greet", "help", "bot-challenge"):
        assert "automated assistant" in CONTENT.topics[topic_id].answer
        assert "not a therapist" in CONTENT.topics[topic_id].answer


def test_step_catalogue_covers_every_strategy_energy_and_mode():
    steps = CONTENT.steps
    assert len(steps) >= 40 and len({s.id for s in steps}) == len(steps)
    strategies = {t for t in ARTICLE_TOPICS if t.startswith("strategy.")}
    assert {s.strategy for s in steps} == strategies
    for energy in ENERGY_LEVELS:
        for mode in ("online", "in-person"):
            fitting = [s for s in steps if s.energy == energy and s.mode in (mode, "either")]
            assert len(fitting) >= 5, (energy, mode)
    assert all(s.why.strip() and s.text.strip() for s in steps)


def test_crisis_message_is_one_fixed_text_with_every_resource():
    variations = DOMAIN["responses"]["utter_crisis"]
    assert len(variations) == 1
    crisis = variations[0]
    assert crisis["custom"] == {"topic": "crisis"}
    text = crisis["text"]
    for element in (
        "988",
        "116 123",
        "Samaritans",
        "findahelpline.com",
        "911",
        "999",
        "112",
        "can't give crisis support",
        "someone you trust",
    ):
        assert element in text
    assert "{" not in text  # no templating
    assert "\n\n" not in text  # REST would split it into several messages


def test_the_check_question_asks_directly_with_the_helplines_and_two_buttons():
    [check] = DOMAIN["responses"]["utter_crisis_check"]
    assert check["custom"] == {"topic": "crisis.check"}
    for element in ("suicide", "hurting yourself", "988", "findahelpline.com"):
        assert element in check["text"]
    assert [b["payload"] for b in check["buttons"]] == ["/crisis", "/crisis_safe"]


def test_every_safety_language_has_its_line_and_its_unsupported_answer():
    from components.safety_matcher import PATTERNS_DIR

    languages = {path.stem for path in PATTERNS_DIR.glob("*.yml")} - {"en"}
    assert languages >= {"es", "fr", "de", "pt", "it", "nl"}
    for response, topic in (
        ("utter_crisis_language", "crisis"),
        ("utter_language_unsupported", "language.unsupported"),
    ):
        variations = DOMAIN["responses"][response]
        conditioned = {v["condition"][0]["value"] for v in variations if v.get("condition")}
        assert conditioned == languages, response
        assert all("findahelpline.com" in v["text"] for v in variations), response
        assert all(v["custom"] == {"topic": topic} for v in variations), response
        assert sum(not v.get("condition") for v in variations) == 1, response  # the default
