"""The crisis matcher and the NLU component around it (DESIGN.md, "Crisis escalation")."""
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.crisis_detector import WORD_JOINER, CrisisDetector
from components.safety_matcher import SafetyMatcher
from tests.conftest import ROOT, load_yaml

SPACY_DIR = ROOT / ".build" / "spacy-en"
POSITIVES = load_yaml("tests/crisis/positives.yml")["groups"]
NEGATIVES = load_yaml("tests/crisis/negatives.yml")["groups"]


@pytest.fixture(scope="module")
def matcher() -> SafetyMatcher:
    return SafetyMatcher.load(SPACY_DIR)


def test_corpus_is_large_enough_and_covers_every_group():
    assert sum(map(len, POSITIVES.values())) >= 250
    assert sum(map(len, NEGATIVES.values())) >= 150
    for group in ("direct", "indirect_burden", "sleep_never_wake", "no_reason_to_live",
                  "goodbye_letter", "giving_away", "saving_pills", "slang", "self_harm",
                  "questions", "misspelled", "embedded"):
        assert len(POSITIVES[group]) >= 15, group


def test_every_positive_is_detected(matcher):
    misses = [(g, m) for g, msgs in POSITIVES.items() for m in msgs if not matcher.match(m)]
    assert misses == []


def test_no_negative_is_a_false_alarm(matcher):
    alarms = [(g, m, matcher.match(m)) for g, msgs in NEGATIVES.items() for m in msgs
              if matcher.match(m)]
    assert alarms == []


@pytest.mark.parametrize("text", [
    "k i l l  m y s e l f", "s.u.i.c.i.d.e", "su1c1de", "$uicidal", "s*icidal thoughts",
    "i want to dieeee", "KMS", "I'm going to UNALIVE myself", "kil my self", "self-harm",
    "i’m gonna end my life", "hello\u200b i want to die",
])
def test_disguised_spellings_are_detected(matcher, text):
    assert matcher.match(text)


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "hola, ¿cómo estás?", "x" * 100_000, "\x00\x01"])
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
    message.set("intent_ranking", [{"name": "nlu_fallback", "confidence": 0.9},
                                   {"name": "crisis", "confidence": 0.1}])
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


def test_no_nlu_example_of_any_topic_triggers_the_matcher(matcher):
    """Thousands of ordinary messages: a cheap, wide check for false alarms."""
    import re

    alarms = []
    for path in sorted(ROOT.glob("data/nlu/*.yml")) + sorted(ROOT.glob("tests/nlu/*.yml")):
        for block in load_yaml(str(path.relative_to(ROOT)))["nlu"]:
            for text in re.findall(r"^\s*- (.*)$", block["examples"], re.M):
                if matcher.match(text):
                    alarms.append((block["intent"], text))
    assert alarms == []
