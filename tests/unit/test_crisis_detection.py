"""The safety net: the crisis matcher and the NLU component around it (docs/topics.md, "Crisis
escalation"). Its corpus (tests/crisis) is checked in tests/crisis/test_corpus.py."""

import re
import time
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from components.crisis_detector import WORD_JOINER, CrisisDetector
from components.safety_matcher import PATTERNS_DIR, Pattern, SafetyMatcher
from tests.support.paths import ROOT

SPACY_DIR = ROOT / ".build" / "spacy-en"


@pytest.fixture(scope="module")
def matcher() -> SafetyMatcher:
    return SafetyMatcher.load(SPACY_DIR)


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "no",
        "yes",
        "hi",
        "Maria",
        "I want to die",
        "i'm so lonely",
        "can you help me",
        "thanks a lot",
        "the end",
        "me too",
        "die hard is my favourite film",
        "I live in a van",
        "is it normal",
        "come on",
        "son of a gun",
        "pasta con pesto",
        "bon appetit",
        "lol",
        "what can you do?",
        "tell me more",
        "Some energy today",
        "Online is easier",
    ],
)
def test_english_messages_are_not_taken_for_another_language(matcher, text):
    assert matcher.language(text) == "en"


def _patterns():
    """Every pattern of every language, named by where it comes from."""
    for path in sorted(PATTERNS_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for tier in ("tier1", "tier2"):
            for group, patterns in (data.get(tier) or {}).items():
                for i, spec in enumerate(patterns):
                    yield f"{path.stem}.{tier}.{group}[{i}]", spec


def test_every_pattern_matches_in_linear_time_even_on_a_crafted_message():
    """For each pattern, a 10,000-character message of the pattern's own words, repeated (what
    makes a backtracking matcher take super-linear time, RE2 linear time). The ceiling is
    far above linear time on a slow machine and far below super-linear time."""
    slow = []
    for name, spec in _patterns():
        source = spec if isinstance(spec, str) else " ".join(spec.values())
        words = " ".join(re.findall(r"[a-z']+", re.sub(r"\\[bwsd]", " ", source)))
        message = ((words + " ") * (10_000 // (len(words) + 1) + 1))[:10_000]
        pattern = Pattern(spec)
        started = time.perf_counter()
        pattern.search(message)
        pattern.search(message[:-1] + "#")  # the classic: everything but the expected end
        if time.perf_counter() - started > 2.0:
            slow.append(name)
    assert slow == []


@pytest.mark.parametrize(
    "message",
    [
        "a " * 5_000,
        "k1" * 5_000,
        "'" * 10_000,
        "s/" * 5_000,
        "a.b." * 2_500,
        "$" * 10_000,
        "*a" * 5_000,
        "kill " * 2_000,
        "x" * 10_000,
        "i " * 4_999 + "x",
    ],
)
def test_normalising_and_matching_a_crafted_message_is_linear(matcher, message):
    started = time.perf_counter()
    matcher.match(message)
    matcher.language(message)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(
    "text",
    [
        "k i l l  m y s e l f",
        "s.u.i.c.i.d.e",
        "su1c1de",
        "$uicidal",
        "s*icidal thoughts",
        "i want to dieeee",
        "KMS",
        "I'm going to UNALIVE myself",
        "kil my self",
        "self-harm",
        "i’m gonna end my life",
        "hello\u200b i want to die",
    ],
)
def test_disguised_spellings_are_detected(matcher, text):
    assert matcher.match(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀😀",
        "hola, ¿cómo estás?",
        "x" * 100_000,
        "\x00\x01",
        "hi \ud800 there",
        "\udfff",
    ],
)
def test_odd_input_is_handled(matcher, text):
    assert matcher.match(text) is None


def test_missing_spacy_pipeline_fails_loudly(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="make"):
        SafetyMatcher.load(tmp_path)


def detector(matcher) -> CrisisDetector:
    return CrisisDetector({**CrisisDetector.get_default_config()}, matcher)


def test_component_overrides_the_classifier_and_the_fallback(matcher):
    message = Message({"text": "everyone would be better off without me"})
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.9})
    message.set(
        "intent_ranking",
        [{"name": "nlu_fallback", "confidence": 0.9}, {"name": "crisis", "confidence": 0.1}],
    )
    detector(matcher).process([message])
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    ranking = message.get("intent_ranking")
    assert ranking[0] == {"name": "crisis", "confidence": 1.0}
    assert [r["name"] for r in ranking] == ["crisis", "nlu_fallback"]


def test_component_leaves_other_messages_alone(matcher):
    message = Message({"text": "this homework is killing me"})
    message.set("intent", {"name": "out_of_scope", "confidence": 0.8})
    detector(matcher).process([message])
    assert message.get("intent") == {"name": "out_of_scope", "confidence": 0.8}


def test_slash_commands_cannot_hide_a_crisis(matcher):
    """Rasa's regex handler would turn '/greet ...' into greet after the pipeline."""
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    message = Message({"text": "/greet I want to die"})
    detector(matcher).process([message])
    assert message.get("text") == WORD_JOINER + "/greet I want to die"
    unpacked = YAMLStoryReader.unpack_regex_message(message)
    assert unpacked.get("intent")["name"] == "crisis"


def test_component_asks_directly_when_a_message_is_near_the_line(matcher):
    message = Message({"text": "the rope came in the mail today"})
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.9})
    detector(matcher).process([message])
    assert message.get("intent") == {"name": "crisis_check", "confidence": 1.0}
    assert not message.get("entities")


def test_component_names_the_language_of_a_crisis_in_another_language(matcher):
    message = Message({"text": "ya no quiero vivir"})
    detector(matcher).process([message])
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("language", "es")]


def test_component_marks_other_languages_as_unsupported(matcher):
    message = Message({"text": "bonjour, je me sens seul ce soir"})
    message.set("intent", {"name": "greet", "confidence": 0.4})
    detector(matcher).process([message])
    assert message.get("intent") == {"name": "language_unsupported", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("language", "fr")]


def test_a_final_sounding_goodbye_is_never_a_deletion(matcher):
    """The classifier once took a final goodbye for delete_conversation; the safety net
    runs after the deletion guard, so the check question wins."""
    message = Message({"text": "goodbye everyone, please tell my mom i love her"})
    message.set("intent", {"name": "delete_conversation", "confidence": 0.7})
    detector(matcher).process([message])
    assert message.get("intent")["name"] == "crisis_check"
