"""Bad input over HTTP: a clear reply or a 4xx, never a 5xx; the conversation goes on."""

import socket

import pytest
import requests

from tests.support.replies import new_sender, topics_of

MESSAGES = {
    "empty": "",
    "whitespace": "   \n\t ",
    "a long letter at the cap": ("I feel lonely. " * 400)[:5000],
    "emoji": "😔😔😔",
    "spanish": "me siento muy solo y no sé qué hacer",
    "html": "<img src=x onerror=alert(1)>",
    "control characters": "hello\x00\x01\x1b[31m",
    "slash command with junk": '/not_an_intent{"x": ',
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_odd_messages_get_a_reply_with_a_topic(servers, name):
    sender = new_sender()
    reply = servers.send(sender, MESSAGES[name])
    assert topics_of(reply), reply
    assert topics_of(servers.send(sender, "what are the signs of depression?")) == ["symptoms"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b"[]",
        b'"just a string"',
        b'{"sender": "x"}',
        b'{"message": "hi"}',
        b'{"sender": 5, "message": ["a"]}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_malformed_requests_are_refused_with_400_and_an_explanation(servers, body):
    response = requests.post(
        servers.url + "/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400, (body, response.status_code, response.text)
    assert response.json()["error"], body
    assert topics_of(servers.send(new_sender(), "hi")) == ["greet"]


def test_a_message_over_the_cap_is_refused_with_an_explanation(servers):
    response = requests.post(
        servers.url + "/webhooks/rest/webhook",
        json={"sender": new_sender(), "message": "a" * 5001},
        timeout=30,
    )
    assert response.status_code == 400
    assert "longer than 5000 characters" in response.json()["error"]


def test_streamed_replies_are_refused_with_400(servers):
    response = requests.post(
        servers.url + "/webhooks/rest/webhook?stream=true",
        json={"sender": new_sender(), "message": "i want to die"},
        timeout=30,
    )
    assert response.status_code == 400 and "stream" in response.json()["error"]


def test_a_body_over_the_limit_is_refused_with_413(servers):
    body = b'{"sender": "big", "message": "' + b"a" * 1_000_000 + b'"}'
    response = requests.post(servers.url + "/webhooks/rest/webhook", data=body, timeout=30)
    assert response.status_code == 413
    assert "larger" in response.json()["error"]


@pytest.mark.parametrize("sender", ["../../etc/passwd", "a" * 500, "x y", "", "<script>"])
def test_bad_sender_ids_are_refused_with_400(servers, sender):
    response = requests.post(
        servers.url + "/webhooks/rest/webhook", json={"sender": sender, "message": "hi"}, timeout=30
    )
    assert response.status_code == 400
    assert "sender" in response.json()["error"]


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/socket.io/?EIO=4&transport=polling"])
def test_a_huge_body_is_refused_before_it_is_read(servers, path):
    """Only the headers are sent, announcing 100 MB: the answer comes without the body."""
    port = int(servers.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: 100000000\r\n\r\n".encode()
        )
        status_line = connection.recv(200).split(b"\r\n")[0]
    assert b" 413 " in status_line, status_line
