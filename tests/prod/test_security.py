"""Only nginx faces users: Rasa and the action server on 127.0.0.1, Rasa without its API, REST
with a token, the widget socket for the site's own pages, limits per address, and a database
role that owns only its database."""

from __future__ import annotations

import asyncio
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import pytest
import requests

from tests.prod.store import PG_HOST, PG_PORT, PG_USER
from tests.prod.system import ProdSystem
from tests.support.replies import new_sender
from tests.support.sio import opens


def holds_every_interface(port: int) -> bool:
    """True if the port is taken on every address, not only 127.0.0.1 (then 127.0.0.2 is too)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.2", port))
        except OSError:
            return True
    return False


def test_every_server_listens_on_127_0_0_1_only(prod: ProdSystem):
    ports = [prod.port, prod.action_port, *prod.rasa_ports]
    assert [p for p in ports if holds_every_interface(p)] == []


def test_the_action_server_answers_only_requests_with_the_token(prod: ProdSystem):
    actions = prod.action_url + "/actions"
    assert requests.get(actions, timeout=10).status_code == 401
    wrong = {"Authorization": "Bearer " + "0" * len(prod.token)}
    assert requests.get(actions, headers=wrong, timeout=10).status_code == 401
    right = {"Authorization": f"Bearer {prod.token}"}
    assert requests.get(actions, headers=right, timeout=10).status_code == 200
    assert (
        requests.post(
            prod.action_url + "/webhook", json={"next_action": "action_tell_more"}, timeout=10
        ).status_code
        == 401
    )
    assert requests.get(prod.action_url + "/health", timeout=10).status_code == 200


@pytest.mark.parametrize("path", ["/status", "/version", "/conversations/someone/tracker"])
def test_rasa_runs_without_its_http_api(prod: ProdSystem, path: str):
    for url in [prod.url, *prod.instance_urls]:
        assert requests.get(url + path, timeout=10).status_code == 404, url + path


def test_rest_needs_the_token_through_nginx_and_at_each_instance(prod: ProdSystem):
    message = {"sender": new_sender(), "message": "hi"}
    for url in [prod.url, *prod.instance_urls]:
        webhook = url + "/webhooks/rest/webhook"
        assert requests.post(webhook, json=message, timeout=30).status_code == 401
        wrong = {"Authorization": "Bearer " + "0" * len(prod.rest_token)}
        assert requests.post(webhook, json=message, headers=wrong, timeout=30).status_code == 401
        assert prod.send(url, new_sender(), "hi").status_code == 200


def test_the_widget_socket_opens_from_the_sites_own_pages_only(prod: ProdSystem):
    # nginx passes the Host with its port, so the same-origin check sees the page's origin.
    assert asyncio.run(opens(prod.url, prod.url))
    assert not asyncio.run(opens(prod.url, "https://elsewhere.example"))


def test_one_address_flooding_gets_429_with_retry_after(prod: ProdSystem):
    """Far more requests at once than a page or a clinic's people send: nginx refuses the
    excess (the REST channel's health check is the cheapest request Rasa answers)."""
    with ThreadPoolExecutor(16) as pool:
        answers = list(
            pool.map(lambda _: requests.get(prod.url + "/webhooks/rest/", timeout=30), range(1500))
        )
    refused = [a for a in answers if a.status_code == 429]
    assert refused and refused[0].headers["Retry-After"] == "1"
    assert "too many requests" in refused[0].json()["error"]
    assert {a.status_code for a in answers} == {200, 429}
    time.sleep(3)  # the allowance refills (burst / rate < 3 s) before the next test


def test_rasa_connects_as_a_role_that_owns_only_its_database(prod: ProdSystem):
    prod.reply(prod.url, new_sender(), "hi")
    connection = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres")
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid()",
                (prod.database,),
            )
            users = {row[0] for row in cursor.fetchall()}
            cursor.execute(
                "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = %s",
                (prod.database,),
            )
            powers = cursor.fetchone()
            cursor.execute(
                "SELECT d.datname FROM pg_database d JOIN pg_roles r ON d.datdba = r.oid "
                "WHERE r.rolname = %s",
                (prod.database,),
            )
            owned = [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()
    assert users == {prod.database}  # the role is named as the database
    assert powers == (False, False, False)
    assert owned == [prod.database]
