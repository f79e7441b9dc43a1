"""Rasa's HTTP API is off unless a token guards it; CORS only for the configured origin."""

import pytest
import requests

from tests.support.replies import new_sender
from tests.support.servers import Servers

TOKEN = "test-token-8c1f"
ORIGIN = "https://friendly-site.example"
REST = "/webhooks/rest/webhook"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> Servers:
    """A second Rasa server with the API on (token) and one allowed origin; no action server."""
    server = Servers(tmp_path_factory.mktemp("guarded"), RASA_API_TOKEN=TOKEN, CORS_ORIGIN=ORIGIN)
    try:
        server.start_rasa()
        yield server
    finally:
        server.stop_rasa()


def allowed_origin(url: str, origin: str):
    preflight = requests.options(
        url, timeout=10, headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
    )
    return preflight.headers.get("Access-Control-Allow-Origin")


def test_the_api_is_off_by_default(servers):
    sender = new_sender()
    servers.send(sender, "hello")
    for path in ("/status", f"/conversations/{sender}/tracker", "/version"):
        answer = requests.get(servers.url + path, timeout=10)
        assert answer.status_code == 404, path


def test_the_api_needs_its_token_when_on(guarded):
    assert requests.get(guarded.url + "/status", timeout=10).status_code == 401
    wrong = requests.get(guarded.url + "/status", params={"token": "guess"}, timeout=10)
    assert wrong.status_code == 401
    right = requests.get(guarded.url + "/status", params={"token": TOKEN}, timeout=30)
    assert right.status_code == 200


def test_no_other_site_may_call_the_server_by_default(servers):
    assert allowed_origin(servers.url + REST, ORIGIN) is None


def test_only_the_configured_origin_may_call_it(guarded):
    assert allowed_origin(guarded.url + REST, ORIGIN) == ORIGIN
    assert allowed_origin(guarded.url + REST, "https://elsewhere.example") is None


@pytest.fixture(scope="module")
def token_guarded(tmp_path_factory) -> Servers:
    """A server whose REST endpoint needs a token, as production mode runs it."""
    server = Servers(tmp_path_factory.mktemp("rest-token"), REST_TOKEN=TOKEN)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def post(url: str, headers: dict) -> requests.Response:
    return requests.post(
        url + REST, json={"sender": new_sender(), "message": "hi"}, headers=headers, timeout=60
    )


def test_rest_is_open_on_this_machine_by_default(servers):
    assert post(servers.url, {}).status_code == 200


def test_rest_needs_its_token_when_one_is_set(token_guarded):
    assert post(token_guarded.url, {}).status_code == 401
    assert post(token_guarded.url, {"Authorization": "Bearer guess"}).status_code == 401
    answer = post(token_guarded.url, {"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and answer.json()[0]["text"]
