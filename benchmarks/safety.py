"""The safety net's cost at the message cap: the matcher alone, and how long a crisis message
from another conversation waits while the server reads a message at the cap.

Parsing runs on the server's event loop, so a long message makes everyone wait while it is
read; the cap (channels/validation.py) bounds that wait, and this measures it."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import aiohttp

from channels.validation import MAX_MESSAGE_CHARS
from components.crisis_detector import CrisisDetector
from components.safety_matcher import SafetyMatcher
from tests.support.replies import new_sender, topics_of

CRISIS = "i want to die"
# What a person might write at the cap, and what an attacker might: the words of crisis
# patterns repeated, which made the old backtracking matcher take minutes.
PROSE = (
    "I have been feeling low for weeks and I do not know how to talk to my friends about "
    "it, so I stay home and tell myself I will call them tomorrow. "
)
CRAFTED = "i want to wish i could just hope that i would "


def at_cap(text: str) -> str:
    """The text repeated to exactly the cap."""
    return (text * (MAX_MESSAGE_CHARS // len(text) + 1))[:MAX_MESSAGE_CHARS]


@dataclass
class SafetyTimes:
    """Medians in milliseconds."""

    matcher_short_ms: float  # the matcher on a one-line crisis message
    matcher_prose_ms: float  # on prose at the cap
    matcher_crafted_ms: float  # on crafted input at the cap
    crisis_alone_ms: float  # a crisis message's reply over REST, the server otherwise idle
    crisis_behind_cap_ms: float  # the same, sent just after a message at the cap
    rounds: int


def _median_ms(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def matcher_times(runs: int) -> List[float]:
    """The matcher's median time on a short crisis message, prose and crafted input at the cap."""
    matcher = SafetyMatcher.load(Path(CrisisDetector.get_default_config()["spacy_pipeline"]))
    return [
        _median_ms(runs, lambda text=text: matcher.match(text))
        for text in (CRISIS, at_cap(PROSE), at_cap(CRAFTED))
    ]


async def _post(
    session: aiohttp.ClientSession, webhook: str, message: str, topics: Optional[List[str]] = None
) -> float:
    """Seconds to the whole reply, which must carry a topic (these topics, if given)."""
    began = time.perf_counter()
    async with session.post(
        webhook, json={"sender": new_sender("bench"), "message": message}
    ) as reply:
        assert reply.status == 200, await reply.text()
        messages = await reply.json(content_type=None)
    seconds = time.perf_counter() - began
    if topics is None:
        assert topics_of(messages), messages
    else:
        assert topics_of(messages) == topics, messages
    return seconds


async def crisis_waits(webhook: str, rounds: int) -> List[float]:
    """Median reply times of a crisis message alone and sent 5 ms after one at the cap."""
    alone, behind = [], []
    async with aiohttp.ClientSession() as session:
        for _ in range(rounds):
            alone.append(await _post(session, webhook, CRISIS, ["crisis"]))
            long = asyncio.ensure_future(_post(session, webhook, at_cap(PROSE)))
            await asyncio.sleep(0.005)
            behind.append(await _post(session, webhook, CRISIS, ["crisis"]))
            await long
    return [statistics.median(alone) * 1000, statistics.median(behind) * 1000]


def measure(webhook: str, rounds: int) -> SafetyTimes:
    """Everything above, against the served assistant at `webhook`."""
    short, prose, crafted = matcher_times(rounds)
    alone, behind = asyncio.run(crisis_waits(webhook, rounds))
    return SafetyTimes(short, prose, crafted, alone, behind, rounds)
