"""Tracker databases (a SQLite file, a new PostgreSQL database) and the real servers on them."""

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from stores.privacy_tracker_store import PrivacyTrackerStore
from tests.privacy.databases import BACKENDS, Rows, tracker_database, write_endpoints
from tests.support.servers import Servers


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


@dataclass
class Chat:
    """Both real servers, and the rows of the database Rasa keeps conversations in."""

    servers: Servers
    rows: Rows


@pytest.fixture(scope="session", params=BACKENDS)
def chat(request, tmp_path_factory) -> Iterator[Chat]:
    """Both real servers, Rasa keeping conversations in a new database of each backend."""
    folder = tmp_path_factory.mktemp(f"privacy-{request.param}")
    endpoints = folder / "endpoints.yml"
    with tracker_database(request.param, folder) as store_settings:
        # ENDPOINTS: the endpoints file scripts/rasa_server.sh gives Rasa.
        servers = Servers(folder, ENDPOINTS=str(endpoints))
        write_endpoints(endpoints, store_settings, servers.action_port)
        store = PrivacyTrackerStore.from_endpoints(str(endpoints))
        try:
            servers.start()
            yield Chat(servers, Rows(store))
        finally:
            servers.stop()
            store.engine.dispose()
