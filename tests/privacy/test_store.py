"""The tracker store itself, on SQLite and PostgreSQL: deleting on request and by age."""

import asyncio
import time
from pathlib import Path

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores.privacy_tracker_store import DELETE_ACTION, PrivacyTrackerStore
from stores.retention import cutoff


def turn(text: str, action: str = "action_answer_topic"):
    return [
        UserUttered(text, {"name": "greet", "confidence": 1.0}),
        ActionExecuted(action),
        BotUttered("a reply"),
        ActionExecuted("action_listen"),
    ]


def save(store: PrivacyTrackerStore, tracker: DialogueStateTracker) -> None:
    asyncio.run(store.save(tracker))


def conversation(store: PrivacyTrackerStore, sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events(sender, turn("hi"))
    save(store, tracker)
    return tracker


def test_the_delete_turn_removes_every_event_of_its_sender_only(rows):
    store = rows.store
    kept = conversation(store, "kept")
    gone = conversation(store, "gone")
    gone.update_with_events(turn("hello again"), domain=None)
    save(store, gone)
    assert rows.count("gone") == 8 and rows.count("kept") == 4

    gone.update_with_events(turn("delete my conversation", DELETE_ACTION), domain=None)
    save(store, gone)
    assert rows.count("gone") == 0
    assert asyncio.run(store.retrieve("gone")) is None
    assert rows.count("kept") == len(kept.events) == 4


def test_deleting_by_age_keeps_every_conversation_with_a_recent_event(rows):
    store = rows.store
    for sender in ("old", "recent", "mixed"):
        conversation(store, sender)
    rows.age("old", 31)
    rows.age("mixed", 31)
    mixed = asyncio.run(store.retrieve("mixed"))
    mixed.update_with_events(turn("back again"), domain=None)
    save(store, mixed)

    removed = store.delete_older_than(cutoff(time.time(), 30))
    assert (removed.conversations, removed.events) == (1, 4)
    assert rows.count("old") == 0
    assert rows.count("recent") == 4 and rows.count("mixed") == 8


def test_an_endpoints_file_with_rasas_plain_sql_store_is_accepted(tmp_path: Path):
    path = tmp_path / "endpoints.yml"
    path.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path}/t.db\n")
    store = PrivacyTrackerStore.from_endpoints(str(path))
    assert store.engine.url.database == f"{tmp_path}/t.db"
    store.engine.dispose()


@pytest.mark.parametrize(
    "text", ["tracker_store:\n  type: redis\n", "action_endpoint:\n  url: x\n"]
)
def test_an_endpoints_file_without_an_sql_store_is_refused(tmp_path: Path, text):
    path = tmp_path / "endpoints.yml"
    path.write_text(text)
    with pytest.raises(ValueError, match="tracker_store type"):
        PrivacyTrackerStore.from_endpoints(str(path))
