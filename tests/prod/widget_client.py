"""The widget's side of socket.io on a bare WebSocket (Engine.IO 4, Socket.IO 5).

The pinned aiohttp is too old for python-socketio's own WebSocket transport."""
from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List, Tuple

import websockets

from tests.http.conftest import new_sender

REPLY_SECONDS = 20


def topic_of(event: Dict) -> str:
    """The topic a bot_uttered event carries, or ''."""
    return (event.get("custom") or {}).get("topic", "")


async def websocket_turns(url: str, messages: List[str]) -> List[Tuple[str, Dict]]:
    """Each message's answer: its first bot_uttered event with a topic, or reconnect_error."""
    address = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(address) as ws:

        async def next_event() -> Tuple[str, Any]:
            while True:
                packet = await asyncio.wait_for(ws.recv(), REPLY_SECONDS)
                if packet == "2":  # Engine.IO ping
                    await ws.send("3")
                elif packet.startswith("42"):  # Socket.IO event: 42["name", data]
                    name, data = json.loads(packet[2:])
                    return name, data

        async def emit(name: str, data: Dict) -> None:
            await ws.send("42" + json.dumps([name, data]))

        assert (await ws.recv()).startswith("0")  # Engine.IO open
        await ws.send("40")  # Socket.IO connect, default namespace
        sender = new_sender()
        await emit("session_request", {"session_id": sender})
        assert await next_event() == ("session_confirm", sender)
        answers = []
        for message in messages:
            await emit("user_uttered", {"message": message, "session_id": sender})
            name, event = await next_event()
            while name == "bot_uttered" and not topic_of(event):
                name, event = await next_event()
            answers.append((name, event))
        return answers
