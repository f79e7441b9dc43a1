"""What people write never reaches the logs at the default (INFO) level, whatever the path:
ordinary turns, crisis turns, messages Rasa cannot parse, a client gone mid-turn."""

import socket
import threading
import time
import uuid
from typing import Iterator, List

import pytest
import requests

from tests.support.ports import server_port
from tests.support.replies import new_sender, topics_of
from tests.support.servers import Servers


def logged(servers: Servers) -> str:
    return "".join(path.read_text(errors="replace") for path in servers.logs.glob("*.log"))


def test_no_conversation_text_in_the_server_logs(servers):
    marker = uuid.uuid4().hex
    sender = new_sender()
    for text in (
        f"my flatmate {marker} never talks to me",
        f"i want to die {marker}",
        f"tell me more {marker}",
        "/greet " + marker,
    ):
        assert topics_of(servers.send(sender, text)), text  # answered, so it went all the way
    assert "Starting Rasa server" in logged(servers)  # the logs are being written at INFO
    assert marker not in logged(servers)


@pytest.mark.parametrize("form", ["/@{}", "/{{{}", "/greet{{{}", "/greet@{}"])
def test_no_text_of_a_message_rasa_cannot_parse(servers, form):
    marker = uuid.uuid4().hex
    requests.post(
        servers.url + "/webhooks/rest/webhook",
        json={"sender": new_sender(), "message": form.format(marker)},
        timeout=60,
    )
    assert marker not in logged(servers)


@pytest.fixture(scope="module")
def stalled(tmp_path_factory) -> Iterator[Servers]:
    """Rasa with an action server that takes connections and never answers: every turn that
    needs an action hangs, so a client can leave in the middle of one."""
    listener = socket.create_server(("127.0.0.1", server_port()))
    held: List[socket.socket] = []
    threading.Thread(
        target=lambda: [held.append(listener.accept()[0]) for _ in iter(int, 1)], daemon=True
    ).start()
    server = Servers(tmp_path_factory.mktemp("stalled"), ACTION_PORT=str(listener.getsockname()[1]))
    try:
        server.start_rasa()
        yield server
    finally:
        server.stop_rasa()
        listener.close()


def test_no_text_when_the_client_leaves_mid_turn(stalled):
    marker = uuid.uuid4().hex
    with pytest.raises(requests.Timeout):
        requests.post(
            stalled.url + "/webhooks/rest/webhook",
            json={"sender": new_sender(), "message": f"my flatmate {marker} ignores me"},
            timeout=2,
        )
    time.sleep(2)  # the server notices the client has gone, and logs it
    assert "rest.message.received" in logged(stalled)
    assert marker not in logged(stalled)
