"""The safety net in production mode, whatever is down: Redis refusing or hanging, PostgreSQL
hanging (on connecting, or on a statement), with the action server stopped as well.

A crisis message gets the fixed message (and a check question its question) on every
instance; every other message gets a 503 with an explanation, and the instance lives on."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Iterator, List

import pytest
import requests

from tests.prod.conversation import TOPIC_MESSAGES, is_crisis
from tests.prod.store import _connect
from tests.prod.system import ProdSystem
from tests.prod.tcp_proxy import TcpProxy
from tests.support.processes import gone
from tests.support.replies import CRISIS_TEXT, is_check, new_sender, topics_of
from tests.support.sio import topic_of, websocket_turns

CRISIS = "i want to die"
CHECK = "the rope came in the mail today"
SPANISH = "ya no quiero vivir"
ORDINARY = TOPIC_MESSAGES["strategy.mindfulness"]


def assert_safety_net_answers_and_the_rest_is_refused(prod: ProdSystem) -> None:
    """Every instance: crisis, check and Spanish crisis answered; an ordinary message 503."""
    for url in prod.instance_urls:
        crisis = prod.send(url, new_sender(), CRISIS)
        assert crisis.status_code == 200 and is_crisis(crisis.json()), crisis.text
        check = prod.send(url, new_sender(), CHECK)
        assert check.status_code == 200 and is_check(check.json()), check.text
        spanish = prod.send(url, new_sender(), SPANISH).json()
        assert spanish[0]["text"] == CRISIS_TEXT and "findahelpline.com" in spanish[-2]["text"]
        ordinary = prod.send(url, new_sender(), ORDINARY)
        assert ordinary.status_code == 503 and ordinary.json().get("error"), ordinary.text


def assert_back_to_normal(prod: ProdSystem, pids: List[int]) -> None:
    assert not any(gone(pid) for pid in pids)
    for url in prod.instance_urls:
        assert topics_of(prod.reply(url, new_sender(), ORDINARY)) == ["strategy.mindfulness"]


def instance_pids(prod: ProdSystem) -> List[int]:
    return [prod.pid(f"rasa-{port}") for port in prod.rasa_ports]


@contextmanager
def down(proxy: TcpProxy, how: str) -> Iterator[None]:
    """The proxied service refusing ("close") or hanging ("hang") meanwhile."""
    getattr(proxy, how)()
    try:
        yield
    finally:
        proxy.open()


@pytest.mark.parametrize("how", ["close", "hang"])
def test_redis_refusing_or_hanging(prod: ProdSystem, redis_proxy: TcpProxy, how: str):
    pids = instance_pids(prod)
    with down(redis_proxy, how):
        assert_safety_net_answers_and_the_rest_is_refused(prod)
        name, event = asyncio.run(websocket_turns(prod.url, [CRISIS]))[0]
        assert (name, topic_of(event), event.get("text")) == ("bot_uttered", "crisis", CRISIS_TEXT)
    assert_back_to_normal(prod, pids)


def test_a_hanging_redis_holds_up_no_one_else(prod: ProdSystem, redis_proxy: TcpProxy):
    """Redis calls run off the event loop: while conversations wait for their locks, the
    instance goes on answering everything that needs no lock."""
    url = prod.instance_urls[0]
    finished: List[str] = []

    def ordinary() -> int:
        status = prod.send(url, new_sender(), ORDINARY).status_code
        finished.append("ordinary")
        return status

    with down(redis_proxy, "hang"), ThreadPoolExecutor(3) as pool:
        waiting = [pool.submit(ordinary) for _ in range(3)]
        threading.Event().wait(0.3)  # they are waiting on Redis by now
        assert requests.get(url + "/", timeout=30).status_code == 200
        finished.append("status page")
        assert [w.result() for w in waiting] == [503] * 3
    assert finished[0] == "status page", finished


def test_postgres_hanging_on_connecting(prod: ProdSystem, pg_proxy: TcpProxy):
    pids = instance_pids(prod)
    with down(pg_proxy, "hang"):
        assert_safety_net_answers_and_the_rest_is_refused(prod)
    assert_back_to_normal(prod, pids)


def test_postgres_hanging_on_a_statement_with_the_action_server_stopped(prod: ProdSystem):
    """A lock held on the events table: every statement of Rasa's waits until its
    statement_timeout; and no action server either."""
    pids = instance_pids(prod)
    blocker = _connect(prod.database)
    prod.stop_actions()
    try:
        with blocker.cursor() as cursor:
            cursor.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
            assert_safety_net_answers_and_the_rest_is_refused(prod)
    finally:
        blocker.rollback()
        blocker.close()
        prod.start_actions()
    assert_back_to_normal(prod, pids)


def test_streamed_replies_are_refused(prod: ProdSystem):
    response = requests.post(
        prod.url + "/webhooks/rest/webhook?stream=true",
        json={"sender": new_sender(), "message": CRISIS},
        headers=prod.rest_headers(),
        timeout=30,
    )
    assert response.status_code == 400 and "stream" in response.json()["error"]
