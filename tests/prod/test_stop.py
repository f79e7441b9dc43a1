"""The script itself: it made the database, printed where to chat, and Ctrl-C stops it all."""

from __future__ import annotations

import pytest

from tests.prod.system import ProdSystem
from tests.support.processes import gone
from tests.support.servers import answers


@pytest.mark.stops_the_system
def test_the_script_prints_the_url_and_ctrl_c_stops_everything_it_started(prod: ProdSystem):
    printed = prod.printed()
    assert f"PostgreSQL database {prod.database} at " in printed and ": created" in printed
    assert f"http://localhost:{prod.port}/webhooks/widget/" in printed
    started = prod.script_children()
    assert prod.pid("nginx") in started
    assert prod.interrupt() == 0
    assert "Stopping Reconnect..." in prod.printed()
    assert [pid for pid in started if not gone(pid)] == []
    assert not answers(prod.url + "/")
