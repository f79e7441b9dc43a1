"""Two socket.io clients for the fuzz tests: a real one, and one that writes packets by hand."""
import asyncio
import json
from contextlib import AsyncExitStack
from functools import partial
from typing import Any, List, Optional, Tuple, Union

import aiohttp
import socketio

# Only a guard against waiting forever for an answer that never comes: any answer in time passes.
ANSWER_TIMEOUT = 60
ANSWERS = ("session_confirm", "bot_uttered", "reconnect_error")
Answer = Tuple[str, Any]


class SocketClient:
    """python-socketio's client, as the widget uses the server: one answer per event awaited."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.answers: "asyncio.Queue[Answer]" = asyncio.Queue()
        self.session_id: Optional[str] = None
        for name in ANSWERS:
            self.client.on(name, partial(self._answered, name))

    async def _answered(self, name: str, data: Any = None) -> None:
        await self.answers.put((name, data))

    async def __aenter__(self) -> "SocketClient":
        # Long-polling: python-engineio's websocket client needs a newer aiohttp than Rasa's.
        await self.client.connect(self.url, transports=["polling"])
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.client.disconnect()

    async def ask(self, event: str, *args: Any) -> Answer:
        """Emits an event with these arguments (none, one, several); returns the first answer."""
        await self.client.emit(event, args)  # a tuple: each item is one argument
        return await asyncio.wait_for(self.answers.get(), ANSWER_TIMEOUT)

    async def start_session(self, session_id: str) -> None:
        assert await self.ask("session_request", {"session_id": session_id}) == (
            "session_confirm", session_id)
        self.session_id = session_id

    async def say(self, message: str) -> Any:
        """Sends a message in the current session; returns the first bot message."""
        name, data = await self.ask("user_uttered", {"message": message,
                                                     "session_id": self.session_id})
        assert name == "bot_uttered", (name, data)
        return data


class RawSocket:
    """An engine.io websocket on which socket.io packets are written by hand (42["event", ...])."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.stack = AsyncExitStack()
        self.ws: Optional[aiohttp.ClientWebSocketResponse] = None

    async def __aenter__(self) -> "RawSocket":
        session = await self.stack.enter_async_context(aiohttp.ClientSession())
        self.ws = await self.stack.enter_async_context(session.ws_connect(self.url))
        assert (await self.ws.receive_str()).startswith("0")  # engine.io open
        await self.ws.send_str("40")  # socket.io connect to the default namespace
        assert (await self.ws.receive_str()).startswith("40")
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.stack.aclose()

    async def send(self, *frames: Union[str, bytes]) -> None:
        for frame in frames:
            if isinstance(frame, bytes):
                await self.ws.send_bytes(frame)
            else:
                await self.ws.send_str(frame)

    async def emit(self, event: str, *args: Any) -> None:
        """Sends one socket.io event packet."""
        await self.send("42" + json.dumps([event, *args]))

    async def answers_until(self, *names: str) -> List[Answer]:
        """Every event received up to and including the first of `names` (or the socket closing)."""
        # One deadline for the whole wait: the server's pings would renew a per-frame one.
        return await asyncio.wait_for(self._receive_until(names), ANSWER_TIMEOUT)

    async def _receive_until(self, names: Tuple[str, ...]) -> List[Answer]:
        received: List[Answer] = []
        while not received or received[-1][0] not in (*names, "closed"):
            message = await self.ws.receive()
            if message.type != aiohttp.WSMsgType.TEXT:
                received.append(("closed", message.type.name))
            elif message.data == "2":  # engine.io ping: answer it to stay connected
                await self.ws.send_str("3")
            elif message.data.startswith("42"):
                event, *data = json.loads(message.data[2:])
                received.append((event, data[0] if data else None))
        return received

    async def still_answers(self) -> bool:
        """Whether this socket still gets a session confirmed."""
        await self.emit("session_request", {"session_id": "still-here"})
        answers = await self.answers_until("session_confirm")
        return answers[-1] == ("session_confirm", "still-here")
