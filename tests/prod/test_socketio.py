"""The widget's socket.io connection through nginx: WebSocket upgrade, and sticky polling."""
from __future__ import annotations

import asyncio
from typing import Dict, List

import socketio

from tests.http.conftest import new_sender
from tests.prod.system import ProdSystem
from tests.prod.widget_client import REPLY_SECONDS, topic_of, websocket_turns

TURNS = [("should I decline this invite?", "faq.decline-invitations"),
         ("tell me more", "faq.decline-invitations"),
         ("what can you do?", "help")]
MESSAGES = [message for message, _ in TURNS]
EXPECTED = [topic for _, topic in TURNS]


async def over_polling(url: str) -> List[str]:
    """TURNS with the python-socketio client on the polling transport; the reply topics."""
    client = socketio.AsyncClient(reconnection=False)
    confirmed, topics = asyncio.Event(), asyncio.Queue()

    def bot_uttered(event: Dict) -> None:
        if topic_of(event):
            topics.put_nowait(topic_of(event))

    client.on("session_confirm", lambda _session: confirmed.set())
    client.on("bot_uttered", bot_uttered)
    sender = new_sender()
    await client.connect(url, transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": sender})
        await asyncio.wait_for(confirmed.wait(), REPLY_SECONDS)
        answered = []
        for message in MESSAGES:
            await client.emit("user_uttered", {"message": message, "session_id": sender})
            answered.append(await asyncio.wait_for(topics.get(), REPLY_SECONDS))
        return answered
    finally:
        await client.disconnect()


def test_a_widget_conversation_over_websocket_through_nginx(prod: ProdSystem):
    answers = asyncio.run(websocket_turns(prod.url, MESSAGES))
    assert [(name, topic_of(event)) for name, event in answers] == [
        ("bot_uttered", topic) for topic in EXPECTED]


def test_a_widget_conversation_over_polling_sticks_to_one_instance(prod: ProdSystem):
    # Polling sends each request of a session separately: without sticky sessions, half
    # of them would reach the instance that does not know the session.
    assert asyncio.run(over_polling(prod.url)) == EXPECTED
