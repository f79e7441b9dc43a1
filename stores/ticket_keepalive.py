"""Tickets stay alive while their turn waits or runs, so a conversation's turns never overlap.

A ticket expires a lifetime after it was last renewed (TICKET_LOCK_LIFETIME: how long a
conversation stays locked by an instance that died while answering in it). Rasa renews none:
a turn longer than the lifetime loses its ticket, the next message of the same conversation
starts alongside it, and Rasa, which saves only the events beyond the stored count, then loses
or interleaves events; a message waiting longer than the lifetime loses its place and fails.
The lock stores here renew a waiting ticket at every look (take_turn) and the running one
three times a lifetime until the turn ends (kept_alive); a dead instance's ticket, which no
one renews, still expires.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import AsyncIterator, Awaitable, Callable

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError

RENEWALS_PER_LIFETIME = 3


def renew_ticket(lock: TicketLock, ticket_number: int, lifetime: float) -> bool:
    """Pushes the ticket's expiry a lifetime from now; False if the ticket is gone."""
    own = next((t for t in lock.tickets if t.number == ticket_number), None)
    if own is None:
        return False
    own.expires = time.time() + lifetime
    return True


def take_turn(lock: TicketLock, ticket_number: int, lifetime: float) -> bool:
    """Whether the ticket is first in line; renews it and drops expired tickets."""
    if not renew_ticket(lock, ticket_number, lifetime):  # before the sweep: it is alive
        raise LockError(f"ticket {ticket_number} of '{lock.conversation_id}' is gone")
    lock.remove_expired_tickets()
    return lock.tickets[0].number == ticket_number


@contextlib.asynccontextmanager
async def kept_alive(
    renew: Callable[[], Awaitable[object]], lifetime: float
) -> AsyncIterator[None]:
    """Calls renew() every third of the lifetime while the block runs."""

    async def keep_renewing() -> None:
        while True:
            await asyncio.sleep(lifetime / RENEWALS_PER_LIFETIME)
            await renew()

    task = asyncio.create_task(keep_renewing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
