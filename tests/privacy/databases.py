"""Tracker databases for the privacy tests: a SQLite file or a new PostgreSQL database, the
endpoints file naming it, and its rows read and aged directly."""

import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import psycopg2
import yaml

from stores.privacy_tracker_store import CLASS_PATH, PrivacyTrackerStore

BACKENDS = ("sqlite", "postgresql")
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def _postgres_admin(sql: str) -> None:
    """Runs one statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    connection = psycopg2.connect(dbname="postgres", **POSTGRES)
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


@contextmanager
def tracker_database(backend: str, folder: Path) -> Iterator[Dict[str, Any]]:
    """The tracker_store settings of a new, empty database of `backend`; dropped afterwards."""
    if backend == "sqlite":
        # Not Servers' default TRACKER_DB: a server ignoring this file would be noticed.
        yield {"dialect": "sqlite", "db": str(folder / "privacy.db")}
        return
    name = f"reconnect_privacy_{uuid.uuid4().hex[:12]}"
    _postgres_admin(f'CREATE DATABASE "{name}"')
    try:
        yield {
            "dialect": "postgresql",
            "url": POSTGRES["host"],
            "port": POSTGRES["port"],
            "username": POSTGRES["user"],
            "db": name,
        }
    finally:
        # FORCE: a server that had to be killed may still hold a connection.
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def write_endpoints(path: Path, store: Dict[str, Any], action_port: Optional[int] = None) -> Path:
    """An endpoints file with the privacy tracker store (and the action server, if given)."""
    config: Dict[str, Any] = {"tracker_store": {"type": CLASS_PATH, **store}}
    if action_port is not None:
        config["action_endpoint"] = {"url": f"http://127.0.0.1:{action_port}/webhook"}
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


class Rows:
    """Reads and ages the stored events directly, through the store's own engine."""

    def __init__(self, store: PrivacyTrackerStore) -> None:
        self.store = store
        self.event = store.SQLEvent

    def count(self, sender: str) -> int:
        with self.store.session_scope() as session:
            return session.query(self.event).filter(self.event.sender_id == sender).count()

    def intents(self, sender: str) -> List[str]:
        with self.store.session_scope() as session:
            rows = session.query(self.event.intent_name).filter(
                self.event.sender_id == sender, self.event.intent_name.isnot(None)
            )
            return [intent for (intent,) in rows]

    def age(self, sender: str, days: float) -> None:
        """Moves every stored event of `sender` `days` into the past."""
        with self.store.session_scope() as session:
            session.query(self.event).filter(self.event.sender_id == sender).update(
                {self.event.timestamp: self.event.timestamp - days * 86_400},
                synchronize_session=False,
            )
            session.commit()
