"""Fixtures shared by several folders of tests (helpers are in tests/support)."""

from typing import Iterator

import pytest

from tests.support.servers import Servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The action server and Rasa as `make run` starts them, on free ports, with their own
    tracker database; shared by the HTTP, fuzz and browser tests."""
    running = Servers(tmp_path_factory.mktemp("servers"))
    try:
        running.start()
        yield running
    finally:
        running.stop()
