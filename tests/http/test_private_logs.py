"""What people write never reaches the logs at the default (INFO) level."""

import uuid

from tests.support.replies import new_sender, topics_of


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
    logged = "".join(path.read_text(errors="replace") for path in servers.logs.glob("*.log"))
    assert "Starting Rasa server" in logged  # the logs are being written at INFO
    assert marker not in logged
