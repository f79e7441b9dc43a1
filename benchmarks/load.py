"""Load generator: simulated users chatting over REST, closed loop or at a fixed arrival rate."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Deque, List

import aiohttp
import numpy

from tests.support.replies import new_sender

REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=60)


@dataclass
class Load:
    """What one load phase measured: latencies of the answered turns and the errors."""

    label: str
    seconds: float = 0.0
    latencies: List[float] = field(default_factory=list)
    errors: int = 0

    @property
    def turns(self) -> int:
        """Turns sent, answered or not."""
        return len(self.latencies) + self.errors

    @property
    def replies_per_second(self) -> float:
        """Turns answered per second of the phase."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, percent: float) -> float:
        """A latency percentile of the answered turns, in milliseconds."""
        return float(numpy.percentile(self.latencies, percent)) * 1000 if self.latencies else 0.0


@dataclass
class Conversation:
    """One simulated user's place in the script, as one sender."""

    sender: str = field(default_factory=lambda: new_sender("bench"))
    turn: int = 0


async def send(
    session: aiohttp.ClientSession,
    webhook: str,
    conversation: Conversation,
    script: List[str],
    load: Load,
    since: float,
) -> None:
    """Sends the conversation's next turn; a latency from `since` if answered, else an error."""
    message = script[conversation.turn]
    conversation.turn += 1
    try:
        async with session.post(
            webhook, json={"sender": conversation.sender, "message": message}
        ) as response:
            reply = await response.json(content_type=None) if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        reply = None
    if reply:  # a 200 with an empty list means the assistant said nothing: an error too
        load.latencies.append(time.perf_counter() - since)
    else:
        load.errors += 1


async def conversations(webhook: str, script: List[str], count: int, label: str) -> Load:
    """Runs the script start to end `count` times, one after another (checks it and warms up)."""
    load = Load(label)
    began = time.perf_counter()
    async with aiohttp.ClientSession(timeout=REQUEST_TIMEOUT) as session:
        for _ in range(count):
            conversation = Conversation()
            while conversation.turn < len(script):
                await send(session, webhook, conversation, script, load, time.perf_counter())
    load.seconds = time.perf_counter() - began
    return load


async def closed_loop(webhook: str, script: List[str], users: int, seconds: float) -> Load:
    """`users` users each send a turn as soon as the last was answered, for `seconds`."""
    load = Load(f"{users} user{'s' if users > 1 else ''}")
    deadline = time.perf_counter() + seconds

    async def user(session: aiohttp.ClientSession) -> None:
        conversation = Conversation()
        while time.perf_counter() < deadline:
            if conversation.turn == len(script):
                conversation = Conversation()  # a finished user comes back as someone new
            await send(session, webhook, conversation, script, load, time.perf_counter())

    began = time.perf_counter()
    # No connection limit: every simulated user keeps its own keep-alive connection.
    async with aiohttp.ClientSession(
        timeout=REQUEST_TIMEOUT, connector=aiohttp.TCPConnector(limit=0)
    ) as session:
        await asyncio.gather(*(user(session) for _ in range(users)))
    load.seconds = time.perf_counter() - began
    return load


async def open_loop(webhook: str, script: List[str], rate: float, seconds: float) -> Load:
    """Turns arrive at a constant rate whether or not earlier ones were answered.

    Each arrival is the next turn of a conversation that is waiting for its user (its last
    reply came), or the first turn of a new one, so every conversation stays in order.
    Latency counts from the scheduled arrival, so a late send counts against the server
    instead of hiding its slowness (no coordinated omission).
    """
    load = Load(f"{rate:.1f}/s offered")
    waiting: Deque[Conversation] = deque()

    async def arrive(session: aiohttp.ClientSession, conversation: Conversation, at: float) -> None:
        await send(session, webhook, conversation, script, load, at)
        if conversation.turn < len(script):
            waiting.append(conversation)

    began = time.perf_counter()
    async with aiohttp.ClientSession(
        timeout=REQUEST_TIMEOUT, connector=aiohttp.TCPConnector(limit=0)
    ) as session:
        arrivals = []
        for n in range(max(1, round(rate * seconds))):
            at = began + n / rate
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            conversation = waiting.popleft() if waiting else Conversation()
            arrivals.append(asyncio.create_task(arrive(session, conversation, at)))
        await asyncio.gather(*arrivals)
    load.seconds = time.perf_counter() - began
    return load
