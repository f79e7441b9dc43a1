"""A per-conversation limit on messages, so one client cannot keep the server busy alone.

A token bucket per sender: SENDER_BURST messages at once (default 40: a burst of button
clicks, a fast typist), refilled at SENDER_MESSAGES_PER_MINUTE (default 120); either set to 0
turns the limit off (the benchmarks do). A message over the limit gets 429 with Retry-After
(REST) or a reconnect_error saying when to try again (socket.io). The safety net's messages
are never limited: a person in crisis is answered however fast they write. Each instance
counts its own messages; nginx limits each address in production mode (deploy/).
"""

from __future__ import annotations

import math
import os
import time
from collections import OrderedDict
from typing import Optional, Text, Tuple

# Buckets kept at the most: the least recently used go first (a full bucket is the default).
MAX_SENDERS = 100_000


class SenderRateLimit:
    """Token buckets, one per sender."""

    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self._buckets: "OrderedDict[Text, Tuple[float, float]]" = OrderedDict()

    @classmethod
    def from_environment(cls) -> "SenderRateLimit":
        """With SENDER_MESSAGES_PER_MINUTE and SENDER_BURST, or their defaults."""
        return cls(
            float(os.environ.get("SENDER_MESSAGES_PER_MINUTE") or 120),
            int(os.environ.get("SENDER_BURST") or 40),
        )

    @property
    def off(self) -> bool:
        return self.rate <= 0 or self.burst <= 0

    def retry_after(self, sender: Text, now: Optional[float] = None) -> Optional[int]:
        """None if the sender may send a message now (and counts it); else the seconds to wait."""
        if self.off:
            return None
        now = time.monotonic() if now is None else now
        tokens, since = self._buckets.pop(sender, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - since) * self.rate)
        allowed = tokens >= 1
        self._buckets[sender] = (tokens - 1 if allowed else tokens, now)
        if len(self._buckets) > MAX_SENDERS:
            self._buckets.popitem(last=False)
        return None if allowed else max(1, math.ceil((1 - tokens) / self.rate))


def too_many(seconds: int) -> Text:
    """What the client is told when a message is over the limit."""
    return f"too many messages at once; please wait {seconds} s and send it again"
