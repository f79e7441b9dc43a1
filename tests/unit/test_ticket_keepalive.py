"""A turn longer than the ticket lifetime keeps its turn: the next message of the same
conversation waits for it instead of running alongside (stores/ticket_keepalive.py)."""

import asyncio
from typing import List

from stores.memory_lock_store import KeptAliveInMemoryLockStore

LIFETIME = 0.3  # seconds; the long turn below lasts four lifetimes


async def two_turns(store, conversation: str = "someone") -> List[str]:
    """A long turn, and a second message arriving while it runs; the order of what happened."""
    happened: List[str] = []

    async def long_turn() -> None:
        async with store.lock(conversation, lock_lifetime=LIFETIME, wait_time_in_seconds=0.05):
            happened.append("long turn starts")
            await asyncio.sleep(4 * LIFETIME)
            happened.append("long turn ends")

    async def next_message() -> None:
        await asyncio.sleep(LIFETIME / 3)
        async with store.lock(conversation, lock_lifetime=LIFETIME, wait_time_in_seconds=0.05):
            happened.append("next message starts")

    await asyncio.gather(long_turn(), next_message())
    return happened


def test_the_next_message_waits_for_a_long_turn():
    store = KeptAliveInMemoryLockStore()
    assert asyncio.run(two_turns(store)) == [
        "long turn starts",
        "long turn ends",
        "next message starts",
    ]
    assert store.get_lock("someone") is None  # nothing left behind


def test_a_dead_turns_ticket_still_expires():
    """A ticket nobody renews (its instance died) still gives way after its lifetime."""
    store = KeptAliveInMemoryLockStore()
    store.issue_ticket("someone", LIFETIME)

    async def take_turn() -> None:
        async with store.lock("someone", lock_lifetime=LIFETIME, wait_time_in_seconds=0.05):
            pass

    asyncio.run(asyncio.wait_for(take_turn(), 5))
