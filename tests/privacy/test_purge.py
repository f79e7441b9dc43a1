"""scripts/purge.py on SQLite and PostgreSQL: old conversations go, recent ones stay."""

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Tuple

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from tests.privacy.databases import write_endpoints
from tests.support import environment
from tests.support.paths import ROOT
from tests.support.ports import server_port

SUMMARY = re.compile(r"^Removed (\d+) conversations \((\d+) events\)", re.M)


def run_purge(endpoints: Path, env: Dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Runs the script as `make purge` does."""
    return subprocess.run(
        [sys.executable, "scripts/purge.py", str(endpoints), *args],
        cwd=ROOT,
        env=environment.project({**os.environ, **env}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def purge(endpoints: Path, env: Dict[str, str], *args: str) -> Tuple[int, int]:
    """Runs the script; returns how many (conversations, events) it removed."""
    done = run_purge(endpoints, env, *args)
    assert done.returncode == 0, done.stderr
    found = SUMMARY.search(done.stdout)
    assert found, done.stdout
    return int(found.group(1)), int(found.group(2))


def add_turn(rows, sender: str) -> None:
    """Stores one more exchange of `sender`, timestamped now."""
    tracker = asyncio.run(rows.store.retrieve(sender)) or DialogueStateTracker.from_events(
        sender, []
    )
    tracker.update_with_events(
        [
            UserUttered("hi", {"name": "greet", "confidence": 1.0}),
            BotUttered("hello"),
            ActionExecuted("action_listen"),
        ],
        domain=None,
    )
    asyncio.run(rows.store.save(tracker))


def test_purge_removes_only_conversations_older_than_the_retention(endpoints, rows):
    for sender in ("old", "recent", "back-after-a-while", "almost-old"):
        add_turn(rows, sender)
    rows.age("old", 45)
    rows.age("back-after-a-while", 45)
    add_turn(rows, "back-after-a-while")  # its latest message is recent: all of it stays
    rows.age("almost-old", 29)

    assert purge(endpoints, {"RETENTION_DAYS": "30"}) == (1, 3)
    assert rows.count("old") == 0
    assert (rows.count("recent"), rows.count("back-after-a-while"), rows.count("almost-old")) == (
        3,
        6,
        3,
    )

    assert purge(endpoints, {"RETENTION_DAYS": "30"}, "--days", "28") == (1, 3)
    assert rows.count("almost-old") == 0
    assert rows.count("recent") == 3 and rows.count("back-after-a-while") == 6


# The retention is read before the database is opened: one backend is enough.
@pytest.mark.parametrize("endpoints", ["sqlite"], indirect=True)
def test_purge_refuses_a_bad_retention_without_touching_anything(endpoints, rows):
    add_turn(rows, "someone")
    rows.age("someone", 400)
    done = run_purge(endpoints, {"RETENTION_DAYS": "0"})
    assert done.returncode == 2 and "positive number of days" in done.stderr
    assert rows.count("someone") == 3


def test_purge_explains_an_unreachable_database_in_one_line(tmp_path):
    closed_port = server_port()  # nothing listens there
    endpoints = write_endpoints(
        tmp_path / "endpoints.yml",
        {
            "dialect": "postgresql",
            "url": "127.0.0.1",
            "port": closed_port,
            "db": "reconnect",
            "username": "postgres",
        },
    )
    done = run_purge(endpoints, {})
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(
        "purge: nothing deleted, the postgresql database reconnect cannot be used: OperationalError"
    ), done.stderr


def test_purge_of_production_names_the_missing_setting():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG_", "REDIS_", "ACTION_"))}
    done = subprocess.run(
        [sys.executable, "scripts/purge.py", "endpoints.prod.yml"],
        cwd=ROOT,
        env=environment.project(env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("purge: ") and "${PG_" in line, done.stderr
