"""A conversation started before any fuzzing, to check afterwards that nothing touched it."""

import sqlite3
from dataclasses import dataclass
from typing import List, Tuple

from tests.support.servers import Servers

CONTROL_QUESTION = "should I decline this invite?"
CONTROL_TOPIC = "faq.decline-invitations"


@dataclass(frozen=True)
class Control:
    """A conversation started before any fuzzing, and its stored events at that time."""

    sender: str
    events: List[Tuple]


def stored_events(servers: Servers, sender: str) -> List[Tuple]:
    """Every stored event of one conversation, read straight from the tracker database."""
    with sqlite3.connect(f"file:{servers.tracker_db}?mode=ro", uri=True) as db:
        return db.execute(
            "SELECT id, type_name, timestamp, data FROM events WHERE sender_id = ? ORDER BY id",
            (sender,),
        ).fetchall()
