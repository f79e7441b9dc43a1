"""Only nginx faces users: Rasa and the action server listen on 127.0.0.1, Rasa without its API."""

from __future__ import annotations

import socket

import pytest
import requests

from tests.prod.system import ProdSystem


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
