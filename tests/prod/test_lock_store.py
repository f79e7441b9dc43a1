"""The lock store shared by the Rasa instances, against the real Redis (no Rasa running)."""

from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List

import pytest
from rasa.utils.endpoints import EndpointConfig

from stores.redis_lock_store import AtomicRedisLockStore
from tests.prod.store import REDIS_DB, REDIS_HOST, REDIS_PORT, delete_redis_keys

TICKETS = 200
LIFETIME = 60


@pytest.fixture
def instances() -> Iterator[List[AtomicRedisLockStore]]:
    """Two lock stores on one key prefix, as two Rasa instances have; no keys left after."""
    prefix = f"locktest{uuid.uuid4().hex[:12]}"
    config = EndpointConfig(url=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix=prefix)
    yield [AtomicRedisLockStore(config), AtomicRedisLockStore(config)]
    delete_redis_keys(prefix)


def test_tickets_asked_for_at_once_by_two_instances_are_all_different(instances):
    conversation = uuid.uuid4().hex
    with ThreadPoolExecutor(8) as pool:
        tickets = list(
            pool.map(
                lambda n: instances[n % 2].issue_ticket(conversation, LIFETIME), range(TICKETS)
            )
        )
    assert sorted(tickets) == list(range(TICKETS))


def test_no_ticket_is_lost_while_the_other_instance_cleans_up(instances):
    """Each thread takes a ticket and gives it back; its own ticket must be there until then."""
    conversation = uuid.uuid4().hex
    first, second = instances

    def take_and_give_back(n: int) -> bool:
        taker, giver = (first, second) if n % 2 else (second, first)
        ticket = taker.issue_ticket(conversation, LIFETIME)
        held = any(t.number == ticket for t in taker.get_lock(conversation).tickets)
        giver.cleanup(conversation, ticket)
        return held

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(take_and_give_back, range(TICKETS)))
    assert first.get_lock(conversation) is None  # the last one out deleted the lock


def test_the_turn_of_an_instance_that_died_passes_to_the_one_waiting(instances):
    """The waiting ticket, issued just after the dead one, must not expire with it."""
    dead, alive = instances
    conversation = uuid.uuid4().hex
    dead.issue_ticket(conversation, 1)  # never given back

    async def take_turn() -> None:
        async with alive.lock(conversation, lock_lifetime=1, wait_time_in_seconds=1):
            pass

    asyncio.run(asyncio.wait_for(take_turn(), 15))  # a TimeoutError if the turn never comes
    assert alive.get_lock(conversation) is None


def test_a_long_turn_keeps_its_turn_against_the_other_instance(instances):
    """A turn four lifetimes long: the other instance's message for the same conversation
    waits for it instead of running alongside."""
    running, other = instances
    conversation = uuid.uuid4().hex
    happened: List[str] = []

    async def long_turn() -> None:
        async with running.lock(conversation, lock_lifetime=1, wait_time_in_seconds=0.1):
            happened.append("long turn starts")
            await asyncio.sleep(4)
            happened.append("long turn ends")

    async def next_message() -> None:
        await asyncio.sleep(0.3)
        async with other.lock(conversation, lock_lifetime=1, wait_time_in_seconds=0.1):
            happened.append("next message starts")

    async def both() -> None:
        await asyncio.gather(long_turn(), next_message())

    asyncio.run(both())
    assert happened == ["long turn starts", "long turn ends", "next message starts"]
