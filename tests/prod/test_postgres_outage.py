"""PostgreSQL unreachable for a few seconds (the tests' proxy closed), then back."""

from __future__ import annotations

import asyncio
import time
from typing import Dict, List, NamedTuple, Tuple

import pytest
import requests

from tests.prod.conversation import TOPIC_MESSAGES, is_crisis
from tests.prod.store import stored_user_texts
from tests.prod.system import ProdSystem
from tests.prod.tcp_proxy import TcpProxy
from tests.support.processes import gone
from tests.support.replies import CRISIS_TEXT, new_sender, topics_of
from tests.support.sio import topic_of, websocket_turns

TOPIC = "strategy.mindfulness"
OUTAGE_SECONDS = 4
WIDGET_MESSAGES = ["i want to die", "tell me more"]


class Outage(NamedTuple):
    """What happened around one outage."""

    sender: str  # a conversation begun before the outage
    during: List[requests.Response]  # its messages sent while PostgreSQL was away
    crisis: List[requests.Response]  # a crisis message sent meanwhile to each instance
    widget: List[Tuple[str, Dict]]  # the answers to WIDGET_MESSAGES sent meanwhile
    alive: Dict[int, bool]  # each instance's process, after the outage
    after: List[List[Dict]]  # replies once PostgreSQL was back, one per instance


@pytest.fixture(scope="module")
def outage(prod: ProdSystem, pg_proxy: TcpProxy) -> Outage:
    """Cuts PostgreSQL off from Rasa, sends to both instances meanwhile, restores it."""
    sender = new_sender()
    assert topics_of(prod.reply(prod.url, sender, TOPIC_MESSAGES[TOPIC])) == [TOPIC]
    pids = [prod.pid(f"rasa-{port}") for port in prod.rasa_ports]
    during = []
    pg_proxy.close()
    try:
        crisis = [prod.send(url, new_sender(), "i want to die") for url in prod.instance_urls]
        widget = asyncio.run(websocket_turns(prod.url, WIDGET_MESSAGES))
        deadline = time.monotonic() + OUTAGE_SECONDS
        while time.monotonic() < deadline:
            for url in prod.instance_urls:
                during.append(prod.send(url, sender, f"tell me more ({len(during)})"))
            time.sleep(0.5)
    finally:
        pg_proxy.open()
    alive = {pid: not gone(pid) for pid in pids}
    after = [prod.reply(url, sender, "tell me more") for url in prod.instance_urls]
    print(f"\nduring the PostgreSQL outage: {[(r.status_code, r.text[:120]) for r in during]}")
    return Outage(sender, during, crisis, widget, alive, after)


def test_rasa_survives_it_and_conversations_resume_without_a_restart(outage: Outage):
    assert all(outage.alive.values()), outage.alive
    # The crisis message needs nothing stored, so it arrives even then.
    assert all(r.status_code == 200 and is_crisis(r.json()) for r in outage.crisis), outage.crisis
    name, event = outage.widget[0]
    assert (name, topic_of(event), event.get("text")) == ("bot_uttered", "crisis", CRISIS_TEXT)
    # Both instances, first message after the outage: the conversation stored before it goes on.
    assert [topics_of(reply) for reply in outage.after] == [[TOPIC], [TOPIC]]


def test_messages_during_it_get_a_clear_error_and_none_is_answered_as_if_stored(
    prod: ProdSystem, outage: Outage
):
    assert outage.during
    assert [r.status_code for r in outage.during] == [503] * len(outage.during)
    assert all(r.json().get("error") for r in outage.during)
    name, event = outage.widget[1]  # the widget's own error event, shown to the user
    assert name == "reconnect_error" and event.get("error"), outage.widget
    # Consistent with the 503: nothing of the outage was stored.
    stored = stored_user_texts(prod.database, [outage.sender])[outage.sender]
    assert not any(text.startswith("tell me more (") for text in stored), stored
