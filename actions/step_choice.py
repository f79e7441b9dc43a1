"""Choosing a small step: pure functions over the step catalogue, no Rasa types."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Text

from actions.content import ENERGY_LEVELS, Step


def read_answer(text: Optional[Text], choices: Dict[Text, List[Text]]) -> Optional[Text]:
    """The choice whose word or phrase appears in `text` ('pretty drained' -> 'low').

    Choices are tried in file order, so a phrase listed early ("not much") wins over a
    word listed later ("much"). Returns None when nothing matches.
    """
    words = " " + re.sub(r"[^a-z0-9'\- ]+", " ", (text or "").lower()) + " "
    words = re.sub(r"\s+", " ", words)
    for choice, phrases in choices.items():
        if any(f" {phrase} " in words for phrase in phrases):
            return choice
    return None


def smaller_energy(energy: Optional[Text]) -> Text:
    """One energy level lower ('more' -> 'some' -> 'low'); 'low' stays 'low'."""
    if energy not in ENERGY_LEVELS:
        return ENERGY_LEVELS[0]
    return ENERGY_LEVELS[max(ENERGY_LEVELS.index(energy) - 1, 0)]


def fits(step: Step, energy: Optional[Text], mode: Optional[Text]) -> bool:
    """A step fits when it needs no more energy than the person has and suits the mode."""
    energy_ok = energy not in ENERGY_LEVELS or (
        ENERGY_LEVELS.index(step.energy) <= ENERGY_LEVELS.index(energy)
    )
    mode_ok = mode in (None, "either") or step.mode in (mode, "either")
    return energy_ok and mode_ok


def choose_step(
    steps: Sequence[Step],
    energy: Optional[Text],
    mode: Optional[Text],
    offered: Iterable[Text],
) -> Optional[Step]:
    """The first fitting step not offered yet, preferring the person's own energy level.

    Steps at exactly the stated energy come first (someone with energy to spare gets
    something that uses it), then lower ones. None when every fitting step was offered.
    """
    seen = set(offered)
    fresh = [s for s in steps if s.id not in seen and fits(s, energy, mode)]
    fresh.sort(key=lambda s: s.energy != energy)  # stable: keeps catalogue order otherwise
    return fresh[0] if fresh else None


def last_offered_step(steps: Sequence[Step], offered: Optional[Iterable[Text]]) -> Optional[Step]:
    """The step suggested most recently in this conversation, if any."""
    ids = list(offered or [])
    if not ids:
        return None
    return next((s for s in steps if s.id == ids[-1]), None)
