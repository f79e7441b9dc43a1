"""The widget's socket.io connection through nginx: WebSocket upgrade, and sticky polling."""

from __future__ import annotations

import asyncio
from typing import List

from tests.prod.system import ProdSystem
from tests.support.sio import TURN_SECONDS, SocketClient, topic_of, websocket_turns

TURNS = [
    ("should I decline this invite?", "faq.decline-invitations"),
    ("tell me more", "faq.decline-invitations"),
    ("what can you do?", "help"),
]
MESSAGES = [message for message, _ in TURNS]
EXPECTED = [topic for _, topic in TURNS]


async def over_polling(url: str) -> List[str]:
    """TURNS with the python-socketio client on the polling transport; the reply topics."""
    async with SocketClient(url, TURN_SECONDS) as client:
        await client.start_session()
        return [topic_of(data) for _, data in [await client.turn(m) for m in MESSAGES]]


def test_a_widget_conversation_over_websocket_through_nginx(prod: ProdSystem):
    answers = asyncio.run(websocket_turns(prod.url, MESSAGES))
    assert [(name, topic_of(event)) for name, event in answers] == [
        ("bot_uttered", topic) for topic in EXPECTED
    ]


def test_a_widget_conversation_over_polling_sticks_to_one_instance(prod: ProdSystem):
    # Polling sends each request of a session separately: without sticky sessions, half
    # of them would reach the instance that does not know the session.
    assert asyncio.run(over_polling(prod.url)) == EXPECTED
