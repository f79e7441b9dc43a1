"""Only its owner can read or write a widget conversation: the server issues signed ids, a
socket writes only into the conversation it joined, and only allowed origins connect."""

import asyncio
from typing import List

import pytest
import requests

from tests.support.servers import Servers
from tests.support.sio import Answer, SocketClient, opens, topic_of

OTHER_SITE = "https://charity.example"


@pytest.fixture(scope="module")
def embedded(tmp_path_factory) -> Servers:
    """A server whose widget may be embedded on another site (CORS_ORIGIN)."""
    server = Servers(
        tmp_path_factory.mktemp("embedded"),
        CORS_ORIGIN=f"https://one.example, {OTHER_SITE}",
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


def run(coroutine):
    return asyncio.run(coroutine)


def test_a_made_up_session_id_is_never_confirmed(servers):
    async def ask_for(session_id: str) -> str:
        async with SocketClient(servers.url) as client:
            name, confirmed = await client.ask("session_request", {"session_id": session_id})
            assert name == "session_confirm"
            return confirmed

    for made_up in ("me", "0123456789abcdef0123456789abcdef", "abc.forged-signature"):
        assert run(ask_for(made_up)) != made_up


def test_an_issued_id_brings_its_owner_back_to_the_same_conversation(servers):
    async def conversation() -> List[str]:
        async with SocketClient(servers.url) as first:
            session_id = await first.start_session()
            before = topic_of(await first.say("why does connection matter for mental health?"))
        async with SocketClient(servers.url) as again:  # a reload, a new socket
            await again.start_session(session_id)
            return [before, topic_of(await again.say("tell me more"))]

    assert run(conversation()) == ["connection", "connection"]


def test_a_socket_cannot_write_into_a_conversation_it_did_not_join(servers):
    async def intrude() -> Answer:
        async with SocketClient(servers.url) as owner, SocketClient(servers.url) as other:
            victim = await owner.start_session()
            await other.start_session()  # its own conversation
            return await other.ask("user_uttered", {"message": "hi", "session_id": victim})

    name, data = run(intrude())
    assert name == "reconnect_error" and "session_request" in data["error"], (name, data)


def test_replies_reach_only_the_sockets_of_their_conversation(servers):
    async def two_people() -> List[Answer]:
        async with SocketClient(servers.url) as alice, SocketClient(servers.url) as bob:
            await alice.start_session()
            await bob.start_session()
            await alice.say("i want to die")
            await asyncio.sleep(1)  # time for any stray event to arrive
            return [bob.answers.get_nowait() for _ in range(bob.answers.qsize())]

    assert run(two_people()) == []


def test_another_site_cannot_open_the_widget_socket(servers):
    assert not run(opens(servers.url, OTHER_SITE))
    assert run(opens(servers.url, servers.url))  # the server's own page


def test_the_sites_listed_in_cors_origin_can(embedded):
    assert run(opens(embedded.url, OTHER_SITE))
    assert run(opens(embedded.url, "https://one.example"))
    assert not run(opens(embedded.url, "https://elsewhere.example"))
    assert run(opens(embedded.url, embedded.url))


def polling_handshake(url: str, origin: str) -> requests.Response:
    """The first request of a socket.io client that starts on long-polling (rasa-webchat's)."""
    return requests.get(
        url + "/socket.io/?EIO=4&transport=polling", headers={"Origin": origin}, timeout=10
    )


def test_a_listed_site_can_start_on_long_polling_with_one_cors_header(embedded):
    # Two Access-Control-Allow-Origin values (engine.io's and Rasa's CORS) make the browser
    # refuse the answer: a page of another site could then only use the WebSocket transport.
    answer = polling_handshake(embedded.url, OTHER_SITE)
    assert answer.status_code == 200
    assert answer.raw.headers.getlist("Access-Control-Allow-Origin") == [OTHER_SITE]
    refused = polling_handshake(embedded.url, "https://elsewhere.example")
    assert refused.status_code == 400
    assert "Access-Control-Allow-Origin" not in refused.headers
