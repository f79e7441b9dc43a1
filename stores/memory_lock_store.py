"""Rasa's in-memory lock store (one Rasa server: `make run`), with tickets kept alive while
their turn waits or runs (stores/ticket_keepalive.py).

endpoints.yml names it as `lock_store: type: stores.memory_lock_store.KeptAliveInMemoryLockStore`.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError
from rasa.utils.endpoints import EndpointConfig

from stores.ticket_keepalive import kept_alive, renew_ticket, take_turn


class KeptAliveInMemoryLockStore(InMemoryLockStore):
    """InMemoryLockStore whose tickets stay alive while their turn waits or runs."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None) -> None:
        # Rasa builds lock stores named by module path from their endpoint config alone.
        super().__init__()

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Holds the conversation's turn; waits for the tickets issued before this one."""
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            while not self._take_turn(conversation_id, ticket, lock_lifetime):
                await asyncio.sleep(wait_time_in_seconds)
            lock = self.get_lock(conversation_id)
            async with kept_alive(
                lambda: self._renew(conversation_id, ticket, lock_lifetime), lock_lifetime
            ):
                yield lock
        finally:
            self.cleanup(conversation_id, ticket)

    def _take_turn(self, conversation_id: Text, ticket: int, lifetime: float) -> bool:
        lock = self.get_lock(conversation_id)
        if lock is None:
            raise LockError(f"the lock of '{conversation_id}' is gone")
        is_first = take_turn(lock, ticket, lifetime)
        self.save_lock(lock)
        return is_first

    async def _renew(self, conversation_id: Text, ticket: int, lifetime: float) -> None:
        lock = self.get_lock(conversation_id)
        if lock is not None and renew_ticket(lock, ticket, lifetime):
            self.save_lock(lock)
