"""The real servers (the `servers` fixture of tests/conftest.py) and a control conversation
held across the fuzzing."""

from typing import List

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.control import CONTROL_QUESTION, CONTROL_TOPIC, Control, stored_events
from tests.support.replies import new_sender, topics_of
from tests.support.servers import Servers

# Moderate and reproducible: few enough examples that the folder stays quick, the same
# examples every run, and nothing is written to a .hypothesis folder.
settings.register_profile(
    "fuzz",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("fuzz")

AFTER_FUZZING = "test_after_fuzzing.py"


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
