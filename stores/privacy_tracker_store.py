"""Rasa's SQL tracker store, able to forget conversations: on request and after retention.

endpoints.yml names it as `tracker_store: type: stores.privacy_tracker_store.PrivacyTrackerStore`
with the same settings as Rasa's `type: SQL` (SQLite or PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from server.names import DELETE_ACTION

CLASS_PATH = "stores.privacy_tracker_store.PrivacyTrackerStore"


def asked_to_forget(events: Iterable[Event]) -> bool:
    """Whether the latest turn (the events after the last user message) ran the delete action."""
    for event in reversed(list(events)):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_ACTION:
            return True
    return False


@dataclass(frozen=True)
class Removed:
    """How much a deletion removed."""

    conversations: int
    events: int


class PrivacyTrackerStore(SQLTrackerStore):
    """Deletes a conversation instead of saving it when its latest turn asked to forget it."""

    @classmethod
    def from_endpoints(cls, path: Text) -> "PrivacyTrackerStore":
        """The store that an endpoints file configures (this class, or Rasa's `type: SQL`)."""
        if not Path(path).is_file():
            raise ValueError(f"no endpoints file at {path}")
        config = read_endpoint_config(path, "tracker_store")
        kind = (config.type or "") if config else ""
        # Rasa's SQL store keeps the same table, so a plain `type: SQL` file works too.
        if kind.lower() not in ("sql", CLASS_PATH.lower()):
            raise ValueError(
                f"{path}: the tracker_store type must be {CLASS_PATH} or SQL, not {kind!r}"
            )
        return cls(host=config.url, **config.kwargs)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves the new events, or deletes every stored event of the sender when asked to."""
        if asked_to_forget(tracker.events):
            # Not even this turn is kept, nor streamed to an event broker.
            self.delete_conversation(tracker.sender_id)
        else:
            await super().save(tracker)

    def delete_conversation(self, sender_id: Text) -> Removed:
        """Deletes every stored event of one sender, from all of its sessions."""
        return self._delete(self.SQLEvent.sender_id == sender_id)

    def delete_older_than(self, cutoff: float) -> Removed:
        """Deletes every conversation whose latest event is older than `cutoff` (Unix time)."""
        event = self.SQLEvent
        stale = (
            sa.select(event.sender_id)
            .group_by(event.sender_id)
            .having(sa.func.max(event.timestamp) < cutoff)
        )
        return self._delete(event.sender_id.in_(stale))

    def _delete(self, condition: sa.sql.ColumnElement) -> Removed:
        """Deletes the events of the senders that `condition` selects, in one transaction."""
        event = self.SQLEvent
        with self.session_scope() as session:
            conversations = (
                session.query(sa.func.count(sa.distinct(event.sender_id)))
                .filter(condition)
                .scalar()
            )
            events = session.query(event).filter(condition).delete(synchronize_session=False)
            session.commit()
        return Removed(conversations=conversations, events=events)
