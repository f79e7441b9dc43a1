"""Fixtures of the unit tests."""

import pytest

from server.bootstrap import apply


@pytest.fixture(scope="session")
def rasa_as_served() -> None:
    """Rasa with Reconnect's changes applied, as `python -m server` runs it."""
    apply()
