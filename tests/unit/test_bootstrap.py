"""The bootstrap: it refuses a Rasa it was not written for, and prepares the agent it loads."""

import asyncio
import gc
import importlib.metadata

import pytest
import rasa.core.run
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

from server import bootstrap
from server.storage_errors import StorageUnavailable


def test_another_rasa_version_is_refused_with_what_to_do(monkeypatch):
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "3.7.0" if name == "rasa" else real(name)
    )
    with pytest.raises(RuntimeError, match=r"\{'rasa': '3.7.0'\}.*update EXPECTED_VERSIONS"):
        bootstrap.check_versions()


def test_the_installed_versions_are_the_ones_patched():
    bootstrap.check_versions()


class Agent:
    """What the start-up loader returns, as far as the bootstrap looks at it."""

    def __init__(self) -> None:
        self.tracker_store = FailSafeTrackerStore(InMemoryTrackerStore(None))


def test_the_loaded_agent_fails_on_storage_errors_and_is_frozen(rasa_as_served):
    assert rasa.core.run.load_agent_on_start.__wrapped__ is not None  # the bootstrap's wrapper
    loaded = Agent()

    async def rasa_loader(*_args, **_kwargs):
        return loaded

    try:
        prepared = bootstrap._prepared_after_loading(rasa_loader)
        agent = asyncio.run(prepared("model", None, None))
        assert agent is loaded
        assert gc.get_freeze_count() > 0
        with pytest.raises(StorageUnavailable):
            agent.tracker_store._on_tracker_store_error(OSError("disk full"))
    finally:
        gc.unfreeze()
