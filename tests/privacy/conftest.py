"""Tracker databases (a SQLite file, a new PostgreSQL database) and the real servers on them."""
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import psycopg2
import pytest
import yaml

from stores.privacy_tracker_store import CLASS_PATH, PrivacyTrackerStore
from tests.http.conftest import Servers

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
        yield {"dialect": "postgresql", "url": POSTGRES["host"], "port": POSTGRES["port"],
               "username": POSTGRES["user"], "db": name}
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
                self.event.sender_id == sender, self.event.intent_name.isnot(None))
            return [intent for (intent,) in rows]

    def age(self, sender: str, days: float) -> None:
        """Moves every stored event of `sender` `days` into the past."""
        with self.store.session_scope() as session:
            session.query(self.event).filter(self.event.sender_id == sender).update(
                {self.event.timestamp: self.event.timestamp - days * 86_400},
                synchronize_session=False)
            session.commit()


@pytest.fixture(params=BACKENDS)
def endpoints(request, tmp_path: Path) -> Iterator[Path]:
    """An endpoints file naming a new, empty tracker database of each backend."""
    with tracker_database(request.param, tmp_path) as store:
        yield write_endpoints(tmp_path / "endpoints.yml", store)


@pytest.fixture
def rows(endpoints: Path) -> Iterator[Rows]:
    """The rows of the `endpoints` database; disconnected before the database is dropped."""
    store = PrivacyTrackerStore.from_endpoints(str(endpoints))
    yield Rows(store)
    store.engine.dispose()


class EndpointsServers(Servers):
    """The servers of tests/http, with Rasa reading another endpoints file."""

    def __init__(self, workdir: Path, endpoints: Path) -> None:
        super().__init__(workdir)
        self.endpoints = endpoints
        self.env["ENDPOINTS"] = str(endpoints)  # read by scripts/rasa_server.sh


@dataclass
class Chat:
    """Both real servers, and the rows of the database Rasa keeps conversations in."""

    servers: EndpointsServers
    rows: Rows


@pytest.fixture(scope="session", params=BACKENDS)
def chat(request, tmp_path_factory) -> Iterator[Chat]:
    """Both real servers, Rasa keeping conversations in a new database of each backend."""
    folder = tmp_path_factory.mktemp(f"privacy-{request.param}")
    with tracker_database(request.param, folder) as store_settings:
        servers = EndpointsServers(folder, folder / "endpoints.yml")
        write_endpoints(servers.endpoints, store_settings, servers.action_port)
        store = PrivacyTrackerStore.from_endpoints(str(servers.endpoints))
        try:
            servers.start_actions()
            servers.start_rasa()
            yield Chat(servers, Rows(store))
        finally:
            if servers.rasa:
                servers.stop_rasa()
            if servers.actions:
                servers.stop_actions()
            store.engine.dispose()
