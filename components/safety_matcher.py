"""Deterministic detection of suicide and self-harm mentions.

The matcher does not use the trained model: it normalises the text, tokenises and
lemmatises it with a blank spaCy English pipeline (lookup lemmatizer), corrects typos of
a few key terms and searches the patterns of `crisis_patterns.yml` over the lower-cased
tokens and over the lemmas. Everything it knows lives in that data file.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Pattern, Text

import spacy
import yaml

PATTERNS_FILE = Path(__file__).with_name("crisis_patterns.yml")

# Characters people put inside words to dodge filters ("k!ll", "su1c1de", "$uicide").
_LOOKALIKES = str.maketrans({"1": "i", "!": "i", "3": "e", "0": "o", "@": "a",
                             "$": "s", "4": "a", "5": "s", "7": "t", "|": "l"})
_LOOKALIKE_IN_WORD = re.compile(r"(?<=[a-z])[1!30@$457|]+(?=[a-z])|(?<![a-z0-9])[$@](?=[a-z])")
# Three or more single letters separated by one space, dot, dash, star or underscore.
_SPELLED_OUT = re.compile(r"(?<![a-z])(?:[a-z][ .\-_*]){2,}[a-z](?![a-z])")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"[a-z0-9'/]+")
_CENSOR_IN_WORD = re.compile(r"(?<=[a-z])[*#]+(?=[a-z])")  # "s*icidal", "k#ll"
# Contractions spelled out, so that the patterns only need "not", "would", "am"...
_CONTRACTIONS = (("can't", "can not"), ("won't", "will not"), ("n't", " not"),
                 ("'m", " am"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"),
                 ("'d", " would"))


def _collapse_repeats(word: Text) -> Text:
    """'diiie' -> 'die', 'kill' -> 'kil': compares words regardless of doubled letters."""
    return re.sub(r"(.)\1+", r"\1", word)


def _edit_distance(a: Text, b: Text, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), cut off above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: List[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class SafetyMatcher:
    """Tells whether a message mentions suicide or self-harm, and which group matched."""

    def __init__(self, nlp: spacy.language.Language, patterns: Dict) -> None:
        """Compiles the patterns; raises KeyError when a section is missing."""
        self._nlp = nlp
        self._lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self._rewrites: Dict[Text, Text] = {str(k): v for k, v in patterns["rewrites"].items()}
        self._fuzzy: Dict[Text, int] = patterns["fuzzy_terms"]
        self._not_typos = set(patterns["not_typos"])
        self._typos: Dict[Text, Text] = patterns["typos"]
        self._squashed: Dict[Text, Text] = patterns["squashed"]
        self._collapsed_terms = {_collapse_repeats(t): t for t in
                                 list(self._fuzzy) + list(self._typos.values())}
        self._groups: Dict[Text, List[Pattern]] = {
            name: [re.compile(p) for p in group] for name, group in patterns["groups"].items()
        }

    @classmethod
    def load(cls, spacy_dir: Path, patterns_file: Path = PATTERNS_FILE) -> "SafetyMatcher":
        """Loads the saved spaCy pipeline and the patterns file."""
        if not Path(spacy_dir, "config.cfg").exists():
            raise FileNotFoundError(
                f"No spaCy pipeline at {spacy_dir}: run `make` (it builds it with "
                f"scripts/build_spacy_pipeline.py)."
            )
        with open(patterns_file, encoding="utf-8") as f:
            return cls(spacy.load(spacy_dir), yaml.safe_load(f))

    def match(self, text: Optional[Text]) -> Optional[Text]:
        """Returns the name of the first pattern group that matches, or None."""
        if not text:
            return None
        lower, lemmas = self._forms(text)
        for name, patterns in self._groups.items():
            if any(p.search(lower) or p.search(lemmas) for p in patterns):
                return name
        return None

    def _forms(self, text: Text) -> "tuple[Text, Text]":
        """The message as lower-cased tokens and as lemmas, each joined by spaces."""
        words = self._normalise(text)
        doc = self._nlp(" ".join(words))
        lower: List[Text] = []
        lemmas: List[Text] = []
        for token in doc:
            if token.is_punct or token.is_space:
                continue
            lower.append(token.lower_)
            lemmas.append(token.lemma_.lower())
        return " ".join(lower), " ".join(lemmas)

    def _normalise(self, text: Text) -> List[Text]:
        """Lower-cases, strips disguises and corrects key-term typos; returns words."""
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
        text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
        text = _LOOKALIKE_IN_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)
        text = _CENSOR_IN_WORD.sub("", text)
        text = _SPELLED_OUT.sub(lambda m: self._unsquash(re.sub(r"[ .\-_*]", "", m.group(0))), text)
        words = self._correct(_TOKEN.findall(text))
        out: List[Text] = []
        for word in words:
            out.extend(self._expand(self._rewrites.get(word, word)).split())
        return out

    def _expand(self, word: Text) -> Text:
        """Spells out contractions and restores dropped g's ('killin' -> 'killing')."""
        for short, long in _CONTRACTIONS:
            if word.endswith(short):
                return word[: -len(short)] + long
        if word.endswith("in") and word + "g" in self._lemmas:
            return word + "g"
        return word

    def _unsquash(self, joined: Text) -> Text:
        """'killmyself' -> 'kill myself' for the phrases listed in the data file."""
        for squashed, spaced in self._squashed.items():
            joined = joined.replace(squashed, f" {spaced} ")
        return joined

    def _correct(self, words: Iterable[Text]) -> List[Text]:
        """Replaces typos of key terms; also joins split ones ('my self', 'sui cide')."""
        words = list(words)
        out: List[Text] = []
        i = 0
        while i < len(words):
            joined = "".join(words[i:i + 2])
            # "my self" stays two words: the patterns accept it, and "my self harm" must
            # not become "myself harm".
            if (i + 1 < len(words) and len(joined) >= 6 and joined in self._fuzzy
                    and words[i + 1] != "self"):
                out.append(joined)
                i += 2
                continue
            out.append(self._key_term(words[i]) or words[i])
            i += 1
        return out

    def _key_term(self, word: Text) -> Optional[Text]:
        """The key term that `word` is a typo of, if any."""
        word = word.strip("'-")
        if word in self._typos:
            return self._typos[word]
        if word in self._fuzzy:
            return word
        collapsed = self._collapsed_terms.get(_collapse_repeats(word))
        if collapsed:
            return collapsed
        if len(word) < 4 or word in self._not_typos or word in self._lemmas:
            return None
        for term, limit in self._fuzzy.items():
            if word[0] == term[0] and _edit_distance(word, term, limit) <= limit:
                return term
        return None
