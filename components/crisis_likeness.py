"""Tier 2 by likeness: how much a message reads like the crisis corpus rather than like
ordinary messages, for wordings no pattern lists.

The patterns (components/crisis_patterns/) catch what they name; people in crisis keep
finding words nobody wrote down. This model reads a message's English lemmas as word and
character n-grams and scores it against every labelled message of the safety net's corpus
(tests/crisis: each crisis message against each ordinary one, with Reconnect's own NLU
examples, trained and held out, as ordinary too). It only ever asks the check question
(tier 2), never gives the fixed message on its own, so a wrong guess costs a caring question.

It is deterministic: the same corpus gives the same weights (liblinear, fixed seed). It is
fitted once per corpus and kept under .build/, keyed by a hash of what it was fitted on.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path
from typing import Callable, Dict, List, Sequence, Text, Tuple

import numpy as np
import sklearn
import yaml
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_DIR / "tests" / "crisis"
NLU_DIRS = (PROJECT_DIR / "data" / "nlu", PROJECT_DIR / "tests" / "nlu")
CACHE_DIR = PROJECT_DIR / ".build" / "crisis-likeness"
# A likeness from which the check question is asked. Chosen on blind round 5 (held out from
# the fit): 25 of the 34 crisis messages the patterns missed, 1 of 125 ordinary messages.
THRESHOLD = 0.7
_EXAMPLE = re.compile(r"^\s*- (.*)$", re.M)


def _nlu_files() -> List[Path]:
    return [path for folder in NLU_DIRS for path in sorted(folder.glob("*.yml"))]


def corpus_files() -> List[Path]:
    """Every file the model is fitted on."""
    return sorted(CORPUS_DIR.glob("*.yml")) + _nlu_files()


Crisis = Tuple[Text, Text, int]  # (kind, text, the tier it must get at least)
Ordinary = Tuple[Text, Text]  # (kind, text)


def _load(path: Path) -> Dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def corpus_cases(corpus_dir: Path = CORPUS_DIR) -> Tuple[List[Crisis], List[Ordinary]]:
    """Every labelled message of the safety net's corpus: positives.yml (tier 1),
    negatives.yml, the blind rounds (round*.yml), languages.yml and border.yml (the border
    between the conversation's feelings and medical questions and the safety net)."""
    crisis: List[Crisis] = [
        (group, text, 1)
        for group, texts in _load(corpus_dir / "positives.yml")["groups"].items()
        for text in texts
    ]
    ordinary: List[Ordinary] = [
        (group, text)
        for group, texts in _load(corpus_dir / "negatives.yml")["groups"].items()
        for text in texts
    ]
    for path in sorted(corpus_dir.glob("round*.yml")):
        data = _load(path)
        crisis += [(f"{path.stem}:{c['kind']}", c["text"], c["tier"]) for c in data["crisis"]]
        ordinary += [(f"{path.stem}:{o['kind']}", o["text"]) for o in data["ordinary"]]
    for language, cases in _load(corpus_dir / "languages.yml").items():
        crisis += [(f"language:{language}", text, 1) for text in cases["crisis"]]
        ordinary += [(f"language:{language}", text) for text in cases["ordinary"]]
    border = _load(corpus_dir / "border.yml")
    crisis += [("border:with death", c["text"], c["tier"]) for c in border["safety_net"]]
    ordinary += [(f"border:{c['topics'][0]}", c["text"]) for c in border["conversation"]]
    return crisis, ordinary


def labelled_examples() -> Tuple[List[Text], List[int]]:
    """Every corpus message with 1 (crisis, either tier) or 0 (ordinary, NLU examples too)."""
    crisis, ordinary = corpus_cases()
    texts = [text for _, text, _ in crisis] + [text for _, text in ordinary]
    labels = [1] * len(crisis) + [0] * len(ordinary)
    for path in _nlu_files():
        for block in _load(path)["nlu"]:
            examples = _EXAMPLE.findall(block.get("examples", ""))
            texts += examples
            labels += [0] * len(examples)
    return texts, labels


class CrisisLikeness:
    """The probability that a message (as English lemmas) belongs with the crisis corpus."""

    def __init__(
        self, words: TfidfVectorizer, characters: TfidfVectorizer, model: LogisticRegression
    ) -> None:
        self._words = words
        self._characters = characters
        self._model = model

    @classmethod
    def fit(cls, texts: Sequence[Text], labels: Sequence[int]) -> "CrisisLikeness":
        """Fits the vectorisers and the model on lemma texts."""
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        characters = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True
        )
        features = hstack([words.fit_transform(texts), characters.fit_transform(texts)])
        model = LogisticRegression(
            C=4.0, solver="liblinear", random_state=0, class_weight="balanced", max_iter=1000
        )
        model.fit(features.tocsr(), np.asarray(labels))
        return cls(words, characters, model)

    @classmethod
    def load_or_fit(
        cls, lemmatise: Callable[[Text], Text], cache_dir: Path = CACHE_DIR
    ) -> "CrisisLikeness":
        """The model fitted on the current corpus: from the cache, or fitted and cached."""
        digest = hashlib.sha256()
        for path in corpus_files() + [Path(__file__)]:
            digest.update(path.read_bytes())
        digest.update(sklearn.__version__.encode())
        cached = cache_dir / f"{digest.hexdigest()[:16]}.pkl"
        if cached.exists():
            with open(cached, "rb") as f:
                return pickle.load(f)
        texts, labels = labelled_examples()
        likeness = cls.fit([lemmatise(t) for t in texts], labels)
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")  # several servers may start at once
        with open(partial, "wb") as f:
            pickle.dump(likeness, f)
        os.replace(partial, cached)
        for old in cache_dir.glob("*.pkl"):  # fitted on an earlier corpus
            if old != cached:
                old.unlink(missing_ok=True)
        return likeness

    def probability(self, lemmas: Text) -> float:
        """How likely the lemma text is a crisis message, from 0 to 1."""
        features = hstack(
            [self._words.transform([lemmas]), self._characters.transform([lemmas])]
        ).tocsr()
        return float(self._model.predict_proba(features)[0, 1])
