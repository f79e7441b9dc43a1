"""Deterministic detection of suicide and self-harm mentions, in linear time.

The matcher does not use the trained model. It normalises the text (case, accents,
look-alike characters, spelled-out letters), then searches each language's patterns of
`crisis_patterns/<language>.yml`: English ones over the lower-cased words (with slang
rewritten, key-term typos corrected and contractions spelled out) and over their lookup
lemmas; the other languages' over the plain words. Tier 1 patterns are clear signals (the
fixed crisis message); tier 2 ones are near the line (the direct check question). A message
no pattern catches still gets the check question when it reads like the crisis corpus
(components/crisis_likeness.py).

Every pattern is an RE2 expression, so matching is linear in the message's length by
construction; the idiom exclusions Python's look-arounds used to express are a second,
bounded pass (`unless_followed_by`, `unless_preceded_by`). The normalisation walks the text once.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Text, Tuple

import re2
import spacy
import yaml

from components.crisis_likeness import THRESHOLD, CrisisLikeness

PATTERNS_DIR = Path(__file__).with_name("crisis_patterns")
ENGLISH = "en"
TIERS = (1, 2)
LIKENESS = "likeness"  # the group name of a tier-2 finding of the likeness model
# How far before or after a match its exclusions may look: bounded, so the second pass
# stays linear however many candidate matches a message has.
EXCLUSION_WINDOW = 200

_CHARACTERS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u00df": "ss",
        "\u0153": "oe",
        "\u00e6": "ae",
        "\u00f8": "o",
        "\u0142": "l",
        "\u0111": "d",
    }
)
# Characters people put inside words to dodge filters ("k!ll", "su1c1de", "$uicide").
_LOOKALIKES = str.maketrans(
    {
        "1": "i",
        "!": "i",
        "3": "e",
        "0": "o",
        "@": "a",
        "$": "s",
        "4": "a",
        "5": "s",
        "7": "t",
        "|": "l",
    }
)
_CENSORS = set("*#")  # "s*icidal", "k#ll"
_SPELLING_SEPARATORS = set(" .-_*")  # "k i l l", "s.u.i.c.i.d.e"
_TOKEN = re2.compile(r"[a-z0-9'/]+")
# Contractions spelled out, so that the patterns only need "not", "would", "am"...; a
# possessive 's becomes the word "s", so that "(\w+ ){0,3}" steps over "my dad s gun".
_CONTRACTIONS = (
    ("can't", "can not"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'m", " am"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
    ("'s", " s"),
)


class Finding(NamedTuple):
    """What the safety net found: the tier, the pattern group and the pattern's language."""

    tier: int
    group: Text
    language: Text


class Pattern:
    """One RE2 pattern, with optional exclusions that must not follow or precede the match."""

    def __init__(self, spec: "Text | Dict[Text, Text]") -> None:
        """Compiles `spec`: a pattern, or {match: ..., unless_followed_by: ...,
        unless_preceded_by: ...}."""
        if isinstance(spec, str):
            spec = {"match": spec}
        self._match = re2.compile(spec["match"])
        after, before = spec.get("unless_followed_by"), spec.get("unless_preceded_by")
        self._after = re2.compile(after) if after else None
        # Preceded: the exclusion must end where the match starts.
        self._before = re2.compile(f"(?:{before})$") if before else None

    def search(self, text: Text) -> bool:
        """True when the pattern matches somewhere not next to one of its exclusions."""
        if self._after is None and self._before is None:
            return self._match.search(text) is not None
        for found in self._match.finditer(text):
            start, end = found.span()
            if self._after and self._after.match(text, end, end + EXCLUSION_WINDOW):
                continue
            if self._before and self._before.search(text[max(0, start - EXCLUSION_WINDOW) : start]):
                continue
            return True
        return False


def _compiled(group: List) -> List[Pattern]:
    """A group's patterns, those without exclusions joined into one RE2 alternation: RE2
    searches it in one pass, however many patterns it holds."""
    plain = [p for p in group if isinstance(p, str)]
    joined = [Pattern("|".join(f"(?:{p})" for p in plain))] if plain else []
    return joined + [Pattern(p) for p in group if not isinstance(p, str)]


class Language(NamedTuple):
    """One language's patterns by tier and group, and the words that identify it."""

    code: Text
    tiers: Dict[int, Dict[Text, List[Pattern]]]
    markers: frozenset
    greetings: frozenset


def _collapse_repeats(word: Text) -> Text:
    """'diiie' -> 'die', 'kill' -> 'kil': compares words regardless of doubled letters."""
    return "".join(letter for letter, _ in groupby(word))


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


def _is_letter(char: Text) -> bool:
    return "a" <= char <= "z"


def _runs(text: Text) -> List[Tuple[bool, Text]]:
    """The text as alternating runs of letters and of other characters."""
    return [(letters, "".join(chars)) for letters, chars in groupby(text, key=_is_letter)]


def _undisguise(text: Text) -> Text:
    """'k!ll' -> 'kill', 'su1c1de' -> 'suicide', '$uicide' -> 'suicide', 's*icidal' ->
    'sicidal': look-alikes and censoring characters between letters. One pass."""
    runs = _runs(text)
    out: List[Text] = []
    for i, (letters, run) in enumerate(runs):
        inside = 0 < i < len(runs) - 1 and not letters
        if inside and set(run) <= _CENSORS:
            continue
        if inside and run.translate(_LOOKALIKES).isalpha():
            # A doubled 1 inside a word stands for "ll" ("ki11", "wi11"), a single one for "i".
            run = run.replace("11", "ll").translate(_LOOKALIKES)
        elif (
            not letters
            and i + 1 < len(runs)
            and run[-1] in "$@"
            and (len(run) == 1 or not run[-2].isalnum())
        ):
            run = run[:-1] + run[-1].translate(_LOOKALIKES)
        out.append(run)
    return "".join(out)


def _join_spelled_out(text: Text, unsquash) -> Text:
    """'k i l l m y s e l f' -> 'kill myself': three or more single letters, each followed
    by one separator, are joined (and split back into the phrases `unsquash` knows)."""
    runs = _runs(text)
    out: List[Text] = []
    i = 0
    while i < len(runs):
        j = i
        # runs[j] is a single letter and runs[j + 1] one separator before another letter
        while (
            j + 2 < len(runs)
            and runs[j][0]
            and len(runs[j][1]) == 1
            and len(runs[j + 1][1]) == 1
            and runs[j + 1][1] in _SPELLING_SEPARATORS
            and len(runs[j + 2][1]) == 1
        ):
            j += 2
        if j - i >= 4:  # at least three letters
            out.append(unsquash("".join(run for _, run in runs[i : j + 1 : 2])))
            i = j + 1
        else:
            out.append(runs[i][1])
            i += 1
    return "".join(out)


def plain_words(text: Text) -> List[Text]:
    """Lower case, accents and disguises removed, split into words: what every language's
    patterns see (English ones after more work, see SafetyMatcher._english_forms)."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_CHARACTERS))
    # Marks, invisible formatting characters, and lone surrogates (which no encoder accepts).
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf", "Cs"))
    return _TOKEN.findall(_undisguise(text))


class SafetyMatcher:
    """Tells whether a message mentions suicide or self-harm, how clearly, in which language."""

    def __init__(
        self,
        nlp: spacy.language.Language,
        english: Dict,
        others: Iterable[Dict] = (),
        likeness: bool = True,
    ) -> None:
        """Compiles the patterns (raises KeyError when a section is missing) and, unless
        `likeness` is off, loads or fits the likeness model of components/crisis_likeness.py."""
        self._lemmas = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self._rewrites: Dict[Text, Text] = {str(k): v for k, v in english["rewrites"].items()}
        self._fuzzy: Dict[Text, int] = english["fuzzy_terms"]
        self._not_typos = set(english["not_typos"])
        self._typos: Dict[Text, Text] = english["typos"]
        self._squashed: Dict[Text, Text] = english["squashed"]
        self._collapsed_terms = {
            _collapse_repeats(t): t for t in list(self._fuzzy) + list(self._typos.values())
        }
        self._english = self._language(ENGLISH, english)
        self._others = [self._language(data["language"], data) for data in others]
        self._likeness = (
            CrisisLikeness.load_or_fit(lambda t: self._english_forms(plain_words(t))[1])
            if likeness
            else None
        )

    @staticmethod
    def _language(code: Text, data: Dict) -> Language:
        tiers = {
            tier: {
                name: _compiled(group) for name, group in (data.get(f"tier{tier}") or {}).items()
            }
            for tier in TIERS
        }
        return Language(
            code, tiers, frozenset(data.get("markers", ())), frozenset(data.get("greetings", ()))
        )

    @classmethod
    def load(
        cls, spacy_dir: Path, patterns_dir: Path = PATTERNS_DIR, likeness: bool = True
    ) -> "SafetyMatcher":
        """Loads the saved spaCy pipeline (for its lemma table) and every language's patterns."""
        if not Path(spacy_dir, "config.cfg").exists():
            raise FileNotFoundError(
                f"No spaCy pipeline at {spacy_dir}: run `make` (it builds it with "
                f"scripts/build_spacy_pipeline.py)."
            )
        files = sorted(Path(patterns_dir).glob("*.yml"))
        data = {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in files}
        english = data.pop(ENGLISH)
        return cls(spacy.load(spacy_dir), english, data.values(), likeness)

    def match(self, text: Optional[Text]) -> Optional[Finding]:
        """The clearest finding in the message (tier 1 before tier 2), or None."""
        return self.assess(text)[0]

    def language(self, text: Optional[Text]) -> Text:
        """The language the message is written in (see _written_in)."""
        return self._written_in(plain_words(text or ""))

    def assess(self, text: Optional[Text]) -> Tuple[Optional[Finding], Text]:
        """The clearest finding (tier 1 before tier 2) or None, and the message's language:
        both from one normalisation of the text."""
        plain = plain_words(text or "")
        written_in = self._written_in(plain)
        if not plain:
            return None, written_in
        forms = {ENGLISH: self._english_forms(plain)}
        joined = " ".join(plain)
        for language in self._others:
            forms[language.code] = (joined,)
        for tier in TIERS:
            for language in [self._english] + self._others:
                for name, patterns in language.tiers[tier].items():
                    if any(p.search(form) for p in patterns for form in forms[language.code]):
                        # The reply's extra line goes in the language the message is
                        # written in ("suicidio" is caught by an English pattern too).
                        found_in = language.code if written_in == ENGLISH else written_in
                        return Finding(tier, name, found_in), written_in
        # The likeness model reads English lemmas: other languages have their patterns only.
        if (
            self._likeness
            and written_in == ENGLISH
            and self._likeness.probability(forms[ENGLISH][1]) >= THRESHOLD
        ):
            return Finding(2, LIKENESS, ENGLISH), written_in
        return None, written_in

    def _written_in(self, words: List[Text]) -> Text:
        """Another language only when its own words say so clearly (two of its marker
        words, more than English ones, or one greeting alone); else English."""
        english = sum(w in self._english.markers for w in words)
        best, best_count = ENGLISH, 0
        for language in self._others:
            count = sum(w in language.markers for w in words)
            if len(words) <= 2 and any(w in language.greetings for w in words):
                count = max(count, 2)
            if count >= 2 and count > english and count > best_count:
                best, best_count = language.code, count
        return best

    def _english_forms(self, plain: List[Text]) -> Tuple[Text, Text]:
        """The English view of the message: lower-cased words and their lemmas."""
        lower = [t for word in self._correct(self._join(plain)) for t in self._tokens(word)]
        lemmas = [self._lemmas.get(t, t) for t in lower]
        return " ".join(lower), " ".join(lemmas)

    def _join(self, plain: List[Text]) -> List[Text]:
        """The words again, with spelled-out letters joined ('s u i c i d e')."""
        return _TOKEN.findall(_join_spelled_out(" ".join(plain), self._unsquash))

    def _tokens(self, word: Text) -> List[Text]:
        """Slang rewritten, squashed phrases split ('iwanttodie', 'want2die'), contractions
        spelled out, dropped g's restored ('killin')."""
        word = self._squashed.get(word, word)
        if len(word) > 8 and " " not in word:  # "imgonnakillmyself": a phrase inside a word
            word = self._unsquash(word)
        if "2" in word:  # "want2die": a 2 between letters is the word "to"
            runs = [run for _, run in _runs(word)]
            word = "".join(
                " 2 " if run == "2" and 0 < i < len(runs) - 1 else run for i, run in enumerate(runs)
            )
        out: List[Text] = []
        for part in " ".join(self._rewrites.get(w, w) for w in word.split()).split():
            out.extend(t for t in self._expand(part).split() if t.strip("'/"))
        return out

    def _expand(self, word: Text) -> Text:
        if "/" in word:
            return word.replace("/", " ")
        for short, long in _CONTRACTIONS:
            if word.endswith(short):
                return (word[: -len(short)].strip("'") + long).strip()
        word = word.strip("'")
        if word.endswith("in") and word + "g" in self._lemmas:
            return word + "g"
        return word

    def _unsquash(self, joined: Text) -> Text:
        """'killmyself' -> 'kill myself' for the phrases listed in the data file."""
        for squashed, spaced in self._squashed.items():
            joined = joined.replace(squashed, f" {spaced} ")
        return joined

    def _correct(self, words: List[Text]) -> List[Text]:
        """Replaces typos of key terms; also joins split ones ('my self', 'sui cide')."""
        out: List[Text] = []
        i = 0
        while i < len(words):
            joined = "".join(words[i : i + 2])
            # "my self" stays two words: the patterns accept it, and "my self harm" must
            # not become "myself harm".
            if (
                i + 1 < len(words)
                and len(joined) >= 6
                and joined in self._fuzzy
                and words[i + 1] != "self"
            ):
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
