"""One conversation cannot flood the server: over its limit a message gets 429 with
Retry-After (a reconnect_error over socket.io), and a crisis message is answered anyway."""

import asyncio
from typing import Iterator

import pytest
import requests

from tests.support.replies import new_sender, topics_of
from tests.support.servers import Servers
from tests.support.sio import SocketClient

BURST = 3


@pytest.fixture(scope="module")
def limited(tmp_path_factory) -> Iterator[Servers]:
    """Servers with a small limit: a burst of three, then one message every ten seconds."""
    server = Servers(
        tmp_path_factory.mktemp("limited"),
        SENDER_BURST=str(BURST),
        SENDER_MESSAGES_PER_MINUTE="6",
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


def post(servers: Servers, sender: str, message: str) -> requests.Response:
    return requests.post(
        servers.url + "/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=60,
    )


def test_over_the_limit_a_message_is_refused_with_when_to_retry(limited):
    sender = new_sender()
    assert [post(limited, sender, "hi").status_code for _ in range(BURST)] == [200] * BURST
    refused = post(limited, sender, "what are the signs of depression?")
    assert refused.status_code == 429 and 1 <= int(refused.headers["Retry-After"]) <= 10
    assert "wait" in refused.json()["error"]
    assert post(limited, new_sender(), "hi").status_code == 200  # others are not affected


def test_a_crisis_message_is_answered_over_the_limit(limited):
    sender = new_sender()
    for _ in range(BURST + 2):
        post(limited, sender, "hi")
    crisis = post(limited, sender, "i want to kill myself")
    assert crisis.status_code == 200 and topics_of(crisis.json()) == ["crisis"]


def test_over_socketio_the_error_says_when_to_retry(limited):
    async def flood() -> tuple:
        async with SocketClient(limited.url) as client:
            await client.start_session()
            for _ in range(BURST):
                await client.turn("hi")
            return await client.turn("hi")

    name, data = asyncio.run(flood())
    assert name == "reconnect_error" and data["retry_after"] >= 1, (name, data)
