"""Reading the answers to the step questions and choosing a small step: pure functions over
the words of content.yml and the step catalogue, no Rasa types."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Text, Tuple

from actions.content import ENERGY_LEVELS, Step

Choices = Dict[Text, List[Text]]
# Words a question may start with (after a filler like "wait" or "btw").
QUESTION_WORDS = {
    "what", "whats", "what's", "how", "hows", "how's", "why", "when", "where", "who", "which",
    "is", "isn't", "isnt", "are", "can", "could", "should", "would", "do", "does", "did",
    "will", "am", "may", "shall",
}  # fmt: skip
FILLERS = {"wait", "actually", "btw", "so", "and", "but", "oh", "ok", "okay", "hmm", "um", "hey"}
# Phrases that make a statement a question wherever they are ("is it ok to ...").
QUESTION_PHRASES = (" can i ", " should i ", " is it ", " is that ", " do i ", " how do ")


def words_of(text: Optional[Text]) -> Text:
    """The text lower-cased, punctuation as spaces, padded with one space each side."""
    words = re.sub(r"[^a-z0-9'\- ]+", " ", (text or "").lower())
    return " " + re.sub(r"\s+", " ", words).strip() + " "


def _matches(words: Text, choices: Choices) -> List[Tuple[int, int, Text]]:
    """(length, -position, choice) of every phrase found, so that max() is the longest,
    then the earliest."""
    found = []
    for choice, phrases in choices.items():
        for phrase in phrases:
            position = words.find(f" {phrase} ")
            if position >= 0:
                found.append((len(phrase), -position, choice))
    return found


def read_answer(text: Optional[Text], *choices: Choices) -> Optional[Text]:
    """The choice whose word or phrase appears in `text` ('pretty drained' -> 'low').

    The longest phrase found wins ("not in person" over "in person", "not bad" over "bad"),
    then the earliest. Returns None when nothing matches.
    """
    words = words_of(text)
    found = [m for group in choices for m in _matches(words, group)]
    return max(found)[2] if found else None


def read_answers(
    text: Optional[Text],
    answers: Dict[Text, Choices],
    when_asked: Dict[Text, Choices],
    asked: Optional[Text],
) -> Dict[Text, Text]:
    """Every question the text answers, whichever was asked: {'energy': 'low', 'mode': ...}.

    Words that answer a question only when it is the one asked ("fine", "any") count for the
    question asked, and for energy whenever the message says "energy".
    """
    found = {}
    for slot, choices in answers.items():
        extra = when_asked.get(slot, {})
        if slot == asked or (slot == "energy" and " energy" in words_of(text)):
            choice = read_answer(text, choices, extra)
        else:
            choice = read_answer(text, choices)
        if choice is not None:
            found[slot] = choice
    return found


def says(text: Optional[Text], phrases: Iterable[Text]) -> bool:
    """Whether any of the phrases appears in the text, as whole words."""
    words = words_of(text)
    return any(f" {phrase} " in words for phrase in phrases)


def is_question(text: Optional[Text]) -> bool:
    """Whether the message asks something ("wait, is it ok to ...", "can i ...?")."""
    words = words_of(text)
    if "?" in (text or "") or any(phrase in words for phrase in QUESTION_PHRASES):
        return True
    first = next((w for w in words.split() if w not in FILLERS), "")
    return first in QUESTION_WORDS


def smaller_energy(energy: Optional[Text]) -> Text:
    """One energy level lower ('more' -> 'some' -> 'low'); 'low' stays 'low'."""
    if energy not in ENERGY_LEVELS:
        return ENERGY_LEVELS[0]
    return ENERGY_LEVELS[max(ENERGY_LEVELS.index(energy) - 1, 0)]


def larger_energy(energy: Optional[Text]) -> Text:
    """One energy level higher ('low' -> 'some' -> 'more'); 'more' stays 'more'."""
    if energy not in ENERGY_LEVELS:
        return ENERGY_LEVELS[-1]
    return ENERGY_LEVELS[min(ENERGY_LEVELS.index(energy) + 1, len(ENERGY_LEVELS) - 1)]


def fits(
    step: Step, energy: Optional[Text], mode: Optional[Text], no_contact: bool = False
) -> bool:
    """A step fits when it needs no more energy than the person has, suits the mode, and
    needs no contact from someone who said they have no one to contact."""
    energy_ok = energy not in ENERGY_LEVELS or (
        ENERGY_LEVELS.index(step.energy) <= ENERGY_LEVELS.index(energy)
    )
    mode_ok = mode in (None, "either") or step.mode in (mode, "either")
    return energy_ok and mode_ok and not (no_contact and step.needs == "contact")


def choose_step(
    steps: Sequence[Step],
    energy: Optional[Text],
    mode: Optional[Text],
    offered: Iterable[Text],
    no_contact: bool = False,
    below_effort: Optional[int] = None,
) -> Optional[Step]:
    """The first fitting step not offered yet, preferring the person's own energy level.

    Steps at exactly the stated energy come first (someone with energy to spare gets
    something that uses it), then lower ones; a step that needs an event coming up comes
    after one that does not. With `below_effort` ("too much"), only steps of lower effort
    fit, the largest of them first: a little smaller, not the smallest at once. None when
    no fitting step is left.
    """
    seen = set(offered)
    fresh = [s for s in steps if s.id not in seen and fits(s, energy, mode, no_contact)]
    if below_effort is not None:
        fresh = [s for s in fresh if s.effort < below_effort]
        fresh.sort(key=lambda s: -s.effort)  # stable: keeps catalogue order otherwise
        return fresh[0] if fresh else None
    fresh.sort(key=lambda s: (s.energy != energy, s.needs == "event"))
    return fresh[0] if fresh else None


def last_offered_step(steps: Sequence[Step], offered: Optional[Iterable[Text]]) -> Optional[Step]:
    """The step suggested most recently in this conversation, if any."""
    ids = list(offered or [])
    if not ids:
        return None
    return next((s for s in steps if s.id == ids[-1]), None)


def step_by_id(steps: Sequence[Step], step_id: Optional[Text]) -> Optional[Step]:
    """The step with this id, if there is one."""
    return next((s for s in steps if s.id == step_id), None)
