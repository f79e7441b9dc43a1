"""The real servers (shared with tests/http) and a control conversation held across the fuzzing."""
import sqlite3
from dataclasses import dataclass
from typing import List, Tuple

import pytest
from hypothesis import HealthCheck, settings

from tests.http.conftest import Servers, new_sender, servers, topics_of  # noqa: F401 (fixture)

# Moderate and reproducible: the whole folder runs in well under two minutes, the same
# examples every run, and nothing is written to a .hypothesis folder.
settings.register_profile("fuzz", max_examples=25, deadline=None, derandomize=True,
                          database=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fuzz")

CONTROL_QUESTION = "should I decline this invite?"
CONTROL_TOPIC = "faq.decline-invitations"
AFTER_FUZZING = "test_after_fuzzing.py"


@dataclass(frozen=True)
class Control:
    """A conversation started before any fuzzing, and its stored events at that time."""

    sender: str
    events: List[Tuple]


def stored_events(servers: Servers, sender: str) -> List[Tuple]:
    """Every stored event of one conversation, read straight from the tracker database."""
    with sqlite3.connect(f"file:{servers.env['TRACKER_DB']}?mode=ro", uri=True) as db:
        return db.execute("SELECT id, type_name, timestamp, data FROM events WHERE sender_id = ? "
                          "ORDER BY id", (sender,)).fetchall()


@pytest.fixture(scope="session", autouse=True)
def control(servers: Servers) -> Control:
    """Started before the first fuzz test (autouse), checked by test_after_fuzzing.py."""
    sender = new_sender()
    assert topics_of(servers.send(sender, CONTROL_QUESTION)) == [CONTROL_TOPIC]
    events = stored_events(servers, sender)
    assert events
    return Control(sender, events)


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    """Runs the control checks after every fuzz test, in whatever order pytest was given."""
    items.sort(key=lambda item: item.path.name == AFTER_FUZZING)
