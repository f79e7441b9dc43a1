"""After all the fuzzing, the conversation started before it is intact and still answers."""

import asyncio

from tests.fuzz.control import CONTROL_TOPIC, stored_events
from tests.support.replies import new_sender, topics_of
from tests.support.sio import SocketClient, topic_of


def test_the_control_conversation_is_untouched_and_goes_on(servers, control):
    assert stored_events(servers, control.sender) == control.events
    assert topics_of(servers.send(control.sender, "tell me more")) == [CONTROL_TOPIC]


def test_a_new_conversation_still_works_over_both_channels(servers):
    assert topics_of(servers.send(new_sender(), "hi")) == ["greet"]

    async def over_socketio():
        async with SocketClient(servers.url) as client:
            await client.start_session()
            return await client.say("what are the signs of depression?")

    assert topic_of(asyncio.run(over_socketio())) == "symptoms"
