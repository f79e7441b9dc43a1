"""Conversations are stored: a restart of the Rasa server loses nothing."""

from tests.support.replies import new_sender, topics_of


def test_a_restart_keeps_the_conversation(servers):
    sender = new_sender()
    servers.send(sender, "is it ok to take breaks at a party?")
    servers.stop_rasa()
    servers.start_rasa()
    assert topics_of(servers.send(sender, "tell me more")) == ["strategy.breaks"]
