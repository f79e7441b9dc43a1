"""Rasa's Redis lock store, made safe for several Rasa instances.

endpoints.prod.yml names it as `lock_store: type: stores.redis_lock_store.AtomicRedisLockStore`
with the settings of Rasa's `type: redis`. Two problems of Rasa 3.6's RedisLockStore, both
seen in tests/prod:
- It changes a lock by reading it, changing it in Python and writing it back. Two instances
  doing that for one conversation at the same moment overwrite each other: both get ticket 0
  and handle their messages at once, and the one that saves last drops the other's events
  (user messages were lost so when conversations sent two messages at once, one to each
  instance); or a ticket taken while the other instance cleans up is deleted. Here each
  change is one Redis transaction (WATCH/MULTI/EXEC), retried if another instance came first.
- A ticket's lifetime runs from when it was issued, even while it waits. A message queued
  behind one of an instance that died waits until that ticket expires, and its own ticket,
  issued a moment later, expires before its next look a second later: Rasa then waits for ever
  (or fails). Here a waiting ticket is renewed at every look, and the running one while its
  turn runs (stores/ticket_keepalive.py).
"""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from typing import AsyncIterator, Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.client import Pipeline

from stores.ticket_keepalive import kept_alive, renew_ticket, take_turn

Result = TypeVar("Result")


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket changes cannot overwrite another instance's."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds lock stores named by module path from their endpoint config alone.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[Optional[TicketLock]]:
        """Holds the conversation's turn; waits for the tickets issued before this one."""
        # Each Redis call runs in a thread: a Redis that hangs holds this turn for at most
        # the socket timeout (endpoints.prod.yml), never the event loop, so every other
        # conversation, a crisis message included, is answered meanwhile.
        ticket = await asyncio.to_thread(self.issue_ticket, conversation_id, lock_lifetime)
        try:
            while not await asyncio.to_thread(
                self._take_turn, conversation_id, ticket, lock_lifetime
            ):
                await asyncio.sleep(wait_time_in_seconds)
            lock = await asyncio.to_thread(self.get_lock, conversation_id)
            async with kept_alive(
                lambda: asyncio.to_thread(self._renew, conversation_id, ticket, lock_lifetime),
                lock_lifetime,
            ):
                yield lock
        finally:
            await asyncio.to_thread(self.cleanup, conversation_id, ticket)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issues the next ticket for the conversation, creating its lock if needed."""
        try:
            return self._change(
                conversation_id, lambda lock: lock.issue_ticket(lock_lifetime), create=True
            )
        except Exception as error:  # as Rasa's: any failure to get a ticket is a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        """Removes the ticket; the lock goes with its last ticket."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """After a message: its ticket removed, and the lock deleted if no one is waiting."""
        self.finish_serving(conversation_id, ticket_number)

    def _take_turn(self, conversation_id: Text, ticket_number: int, lifetime: float) -> bool:
        """Whether the ticket is first in line; renews it and drops expired tickets."""
        # Expired tickets are those of instances that died holding or waiting with them.

        is_first = self._change(
            conversation_id, lambda lock: take_turn(lock, ticket_number, lifetime)
        )
        if is_first is None:
            raise LockError(f"the lock of '{conversation_id}' is gone")
        return is_first

    def _renew(self, conversation_id: Text, ticket_number: int, lifetime: float) -> None:
        """Keeps a running turn's ticket alive (nothing to do if its lock is gone)."""
        self._change(conversation_id, lambda lock: renew_ticket(lock, ticket_number, lifetime))

    def _change(
        self, conversation_id: Text, change: Callable[[TicketLock], Result], create: bool = False
    ) -> Optional[Result]:
        """change(lock)'s result, with the changed lock stored in the same transaction."""
        # A lock left without tickets is deleted. Without create, a missing lock stays
        # missing and the result is None.
        key = self.key_prefix + conversation_id

        def attempt(pipe: Pipeline) -> Optional[Result]:
            stored = pipe.get(key)  # watched: EXEC fails if another instance writes it now
            if stored is None and not create:
                return None
            lock = (
                TicketLock.from_dict(json.loads(stored))
                if stored is not None
                else self.create_lock(conversation_id)
            )
            result = change(lock)
            pipe.multi()
            if lock.tickets:
                pipe.set(key, lock.dumps())
            else:
                pipe.delete(key)
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)
