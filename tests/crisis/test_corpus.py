"""The safety net against its corpus: every crisis message of tests/crisis (hand-written, blind
rounds, other languages) gets at least its tier, and no ordinary message is flagged, the NLU
examples of every topic included. The matcher's own behaviour is in tests/unit."""

import re

import pytest

from components.safety_matcher import SafetyMatcher
from tests.support.paths import ROOT, load_yaml

POSITIVES = load_yaml("tests/crisis/positives.yml")["groups"]
NEGATIVES = load_yaml("tests/crisis/negatives.yml")["groups"]
# The blind sets, each folded in after it was measured (tests/crisis/rounds.md): every
# crisis message with the tier it must get at least, every ordinary one with none.
ROUNDS = {
    path.stem: load_yaml(str(path.relative_to(ROOT)))
    for path in sorted((ROOT / "tests" / "crisis").glob("round*.yml"))
}
LANGUAGES = load_yaml("tests/crisis/languages.yml")
# The border with the conversation (DESIGN.md): a feeling or a medication question without
# death or self-harm in it is the conversation's; with it, the safety net's.
BORDER = load_yaml("tests/crisis/border.yml")


@pytest.fixture(scope="module")
def matcher() -> SafetyMatcher:
    return SafetyMatcher.load(ROOT / ".build" / "spacy-en")


def test_corpus_is_large_enough_and_covers_every_group():
    assert sum(map(len, POSITIVES.values())) >= 250
    assert sum(map(len, NEGATIVES.values())) >= 150
    for group in (
        "direct",
        "indirect_burden",
        "sleep_never_wake",
        "no_reason_to_live",
        "goodbye_letter",
        "giving_away",
        "saving_pills",
        "slang",
        "self_harm",
        "questions",
        "misspelled",
        "embedded",
    ):
        assert len(POSITIVES[group]) >= 15, group
    assert len(ROUNDS) >= 1
    for name, round_ in ROUNDS.items():
        assert len(round_["crisis"]) >= 150 and len(round_["ordinary"]) >= 100, name
        assert {c["lang"] for c in round_["crisis"]} >= set(LANGUAGES) | {"en"}, name


def test_every_positive_gets_the_crisis_message(matcher):
    misses = [
        (g, m, matcher.match(m))
        for g, msgs in POSITIVES.items()
        for m in msgs
        if getattr(matcher.match(m), "tier", None) != 1
    ]
    assert misses == []


def test_no_negative_is_a_false_alarm(matcher):
    alarms = [
        (g, m, matcher.match(m)) for g, msgs in NEGATIVES.items() for m in msgs if matcher.match(m)
    ]
    assert alarms == []


def test_no_feeling_or_medication_question_without_death_in_it_triggers_the_matcher(matcher):
    alarms = [
        (c["text"], matcher.match(c["text"]))
        for c in BORDER["conversation"]
        if matcher.match(c["text"])
    ]
    assert alarms == []


def test_every_feeling_or_medication_question_with_death_in_it_gets_its_tier(matcher):
    wrong = []
    for case in BORDER["safety_net"]:
        finding = matcher.match(case["text"])
        if finding is None or finding.tier > case["tier"]:
            wrong.append((case["tier"], case["text"], finding))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_every_crisis_of_the_blind_rounds_gets_its_tier(matcher, name):
    wrong = []
    for case in ROUNDS[name]["crisis"]:
        finding = matcher.match(case["text"])
        if finding is None or finding.tier > case["tier"]:
            wrong.append((case["kind"], case["tier"], case["text"], finding))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_no_ordinary_message_of_the_blind_rounds_is_flagged(matcher, name):
    alarms = [
        (case["kind"], case["text"], matcher.match(case["text"]))
        for case in ROUNDS[name]["ordinary"]
        if matcher.match(case["text"])
    ]
    assert alarms == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_crisis_messages_in_other_languages_get_the_crisis_message(matcher, language):
    findings = [(text, matcher.match(text)) for text in LANGUAGES[language]["crisis"]]
    wrong = [
        (text, found)
        for text, found in findings
        if found is None or (found.tier, found.language) != (1, language)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_ordinary_messages_in_other_languages_are_not_flagged_but_recognised(matcher, language):
    ordinary = LANGUAGES[language]["ordinary"]
    assert [(t, matcher.match(t)) for t in ordinary if matcher.match(t)] == []
    assert [(t, matcher.language(t)) for t in ordinary if matcher.language(t) != language] == []


def test_no_nlu_example_of_any_topic_triggers_the_matcher(matcher):
    """Thousands of ordinary messages: a cheap, wide check for false alarms."""
    alarms = []
    for path in sorted(ROOT.glob("data/nlu/*.yml")) + sorted(ROOT.glob("tests/nlu/*.yml")):
        for block in load_yaml(str(path.relative_to(ROOT)))["nlu"]:
            for text in re.findall(r"^\s*- (.*)$", block["examples"], re.M):
                if matcher.match(text):
                    alarms.append((block["intent"], text))
    assert alarms == []
