"""The SQLite tracker database that `Servers` gives Rasa, seen from the tests: time moved on
for one conversation, so that its next message starts a new session as it would a day later."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.support.paths import load_yaml

DAY_SECONDS = 24 * 60 * 60


def session_expiry_seconds() -> float:
    """How long a conversation may be silent before Rasa starts a new session (domain.yml)."""
    return 60.0 * load_yaml("domain.yml")["session_config"]["session_expiration_time"]


def move_back(db: Path, sender: str, seconds: float) -> int:
    """Moves every stored event of `sender` `seconds` into the past; returns how many.

    Rasa's SQL store keeps each event's time twice: in the `timestamp` column (which the
    retention purge queries) and inside the event's JSON `data`, which is what Rasa reads back
    and compares with the clock to decide whether a session has expired. Both move."""
    with closing(sqlite3.connect(db)) as connection, connection:
        rows = connection.execute(
            "SELECT id, data FROM events WHERE sender_id = ?", (sender,)
        ).fetchall()
        for row_id, data in rows:
            event = json.loads(data)
            event["timestamp"] = event["timestamp"] - seconds
            connection.execute(
                "UPDATE events SET timestamp = timestamp - ?, data = ? WHERE id = ?",
                (seconds, json.dumps(event), row_id),
            )
    return len(rows)
