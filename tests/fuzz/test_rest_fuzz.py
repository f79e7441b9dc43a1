"""Bad input on every HTTP route a client can reach: a 4xx or a clear reply, never a 5xx."""

import json
from typing import Any

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import JSON_VALUES, MESSAGES, SENDERS, WEBHOOK_FIELDS
from tests.support.replies import new_sender, topics_of

WEBHOOK = "/webhooks/rest/webhook"
DEEP = 2_000  # far past Python's recursion limit (1,000), within the size limit


def post(servers, body: bytes, **kwargs: Any) -> requests.Response:
    return requests.post(
        servers.url + WEBHOOK,
        data=body,
        timeout=60,
        headers={"Content-Type": "application/json"},
        **kwargs,
    )


def assert_refused_or_answered(response: requests.Response) -> None:
    """A 4xx that says what is wrong, or 200 with messages of which one carries a topic."""
    if response.status_code == 200:
        assert topics_of(response.json()), response.text
    else:
        assert response.status_code in (400, 413), (response.status_code, response.text[:300])
        assert response.json()["error"]


@given(body=st.binary(max_size=3000))
def test_arbitrary_bytes(servers, body):
    assert_refused_or_answered(post(servers, body))


@given(value=JSON_VALUES)
def test_any_json_value(servers, value):
    assert_refused_or_answered(post(servers, json.dumps(value).encode()))


@given(fields=WEBHOOK_FIELDS)
def test_missing_and_wrongly_typed_fields(servers, fields):
    assert_refused_or_answered(post(servers, json.dumps(fields).encode()))


@given(message=MESSAGES)
def test_odd_messages_from_a_valid_sender_get_a_reply(servers, message):
    response = post(servers, json.dumps({"sender": new_sender(), "message": message}).encode())
    if message.lstrip().startswith("/"):  # a command Rasa cannot take is refused instead
        assert_refused_or_answered(response)
    else:
        assert response.status_code == 200 and topics_of(response.json()), response.text


@given(sender=SENDERS)
def test_hostile_sender_ids(servers, sender):
    body = json.dumps({"sender": sender, "message": "hi"}).encode()
    assert_refused_or_answered(post(servers, body))


BAD_REQUESTS = {  # name: (body, expected status)
    "1 MB body": (b'{"sender": "a", "message": "' + b"a" * 1_000_000 + b'"}', 413),
    "invalid UTF-8": (b'{"sender": "a", "message": "\xff\xfe\xc3\x28"}', 400),
    "NUL bytes": (b'{"sender": "a\x00b", "message": "\x00"}', 400),
    "deeply nested array": (b"[" * DEEP + b"]" * DEEP, 400),
    "deeply nested metadata": (
        b'{"sender": "a", "message": "hi", "metadata": '
        + b'{"a": ' * DEEP
        + b"1"
        + b"}" * DEEP
        + b"}",
        400,
    ),
    "metadata nested 40 levels": (
        b'{"sender": "a", "message": "hi", "metadata": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}",
        400,
    ),
    "command nested 5000 levels": (
        json.dumps(
            {"sender": "a", "message": '/greet{"a": ' + "[" * 5000 + "]" * 5000 + "}"}
        ).encode(),
        400,
    ),
    "5000-digit number": (b'{"sender": "a", "message": ' + b"9" * 5000 + b"}", 400),
    "huge float": (b'{"sender": "a", "message": 1e999999}', 400),
    "path traversal sender": (b'{"sender": "../../etc/passwd", "message": "hi"}', 400),
    "10,000-character sender": (b'{"sender": "' + b"s" * 10_000 + b'", "message": "hi"}', 400),
    "JSON null": (b"null", 400),
    "Rasa's silent /restart": (b'{"sender": "a", "message": "/restart"}', 400),
    "Rasa's /back": (b'{"sender": "a", "message": " /back"}', 400),
}


@pytest.mark.parametrize("name", sorted(BAD_REQUESTS))
def test_named_bad_requests(servers, name):
    body, status = BAD_REQUESTS[name]
    response = post(servers, body)
    assert response.status_code == status, (name, response.status_code, response.text[:300])
    assert response.json()["error"]


@pytest.mark.parametrize(
    "message",
    [
        "hi \ud800 there",
        "\x00\x00\x00",
        "\u202egnp.exe",
        "/greet@1.2.3",
        '/greet{"last_topic": {"x": [1, 2]}}',
    ],
)
def test_strange_but_valid_messages_get_a_reply(servers, message):
    assert topics_of(servers.send(new_sender(), message))


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "HEAD"])
def test_other_methods_on_the_webhook_are_not_allowed(servers, method):
    response = requests.request(method, servers.url + WEBHOOK, data=b"{}", timeout=30)
    assert (response.status_code, response.headers.get("Allow")) == (405, "POST"), method


def test_options_on_the_webhook_is_an_empty_cors_preflight_answer(servers):
    response = requests.options(servers.url + WEBHOOK, timeout=30)
    assert (response.status_code, response.content) == (200, b"")
    assert "Access-Control-Allow-Origin" not in response.headers  # no other site by default


@given(name=st.text(min_size=1, max_size=60).filter(lambda n: n not in (".", "..")))
def test_any_file_name_under_the_widget(servers, name):
    response = requests.get(
        servers.url + "/webhooks/widget/" + requests.utils.quote(name, safe=""), timeout=30
    )
    assert response.status_code in (200, 404), (name, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/webhooks/widget/../../etc/passwd",
        "/webhooks/widget/..%2F..%2Fetc%2Fpasswd",
        "/webhooks/widget/%2e%2e/credentials.yml",
        "/webhooks/widget/.env",
        "/webhooks/rest/../../credentials.yml",
    ],
)
def test_path_traversal_finds_nothing(servers, path):
    response = requests.get(servers.url + path, timeout=30)
    assert response.status_code == 404
    assert "ValidatingRestInput" not in response.text and "root:" not in response.text
