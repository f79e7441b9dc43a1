"""The socket.io clients of the tests: python-socketio's own, as the widget uses the server,
and a bare WebSocket on which packets are written by hand (Engine.IO 4, Socket.IO 5).

python-socketio's client runs on long-polling: its WebSocket transport needs a newer aiohttp
than Rasa's. The bare WebSocket uses the pinned aiohttp directly."""

from __future__ import annotations

import asyncio
import json
from contextlib import AsyncExitStack
from functools import partial
from typing import Any, Dict, List, Optional, Tuple, Union

import aiohttp
import socketio

# Only a guard against waiting forever for an answer that never comes: any answer in time passes.
ANSWER_SECONDS = 60
# The widget's turns in production mode: a turn is cut off after 5 s there, so an answer
# (or the error event) comes well within this.
TURN_SECONDS = 20
ANSWERS = ("session_confirm", "bot_uttered", "reconnect_error")
Answer = Tuple[str, Any]


def topic_of(event: Dict) -> str:
    """The topic a bot_uttered event carries (in its metadata, as rasa-webchat reads it), or ''."""
    return (event.get("metadata") or {}).get("topic", "") if isinstance(event, dict) else ""


def is_an_answer(answer: Answer) -> bool:
    """An answer to a message: not one of the topicless bot_uttered events before it."""
    name, data = answer
    return name != "bot_uttered" or bool(topic_of(data))


class SocketClient:
    """python-socketio's client, as the widget uses the server: one answer per event awaited."""

    def __init__(self, url: str, seconds: float = ANSWER_SECONDS) -> None:
        self.url = url
        self.seconds = seconds
        self.client = socketio.AsyncClient(reconnection=False)
        self.answers: "asyncio.Queue[Answer]" = asyncio.Queue()
        self.session_id: Optional[str] = None
        for name in ANSWERS:
            self.client.on(name, partial(self._answered, name))

    async def _answered(self, name: str, data: Any = None) -> None:
        await self.answers.put((name, data))

    async def __aenter__(self) -> "SocketClient":
        await self.client.connect(self.url, transports=["polling"])
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.client.disconnect()

    async def next_answer(self) -> Answer:
        """The next event the server sent."""
        return await asyncio.wait_for(self.answers.get(), self.seconds)

    async def ask(self, event: str, *args: Any) -> Answer:
        """Emits an event with these arguments (none, one, several); returns the first answer."""
        await self.client.emit(event, args)  # a tuple: each item is one argument
        return await self.next_answer()

    async def start_session(self, session_id: Optional[str] = None) -> str:
        """Asks for a conversation: a new one, or the one of an id the server issued earlier,
        which it must confirm. Returns the confirmed id."""
        name, confirmed = await self.ask("session_request", {"session_id": session_id})
        assert name == "session_confirm" and confirmed, (name, confirmed)
        assert session_id is None or confirmed == session_id, (session_id, confirmed)
        self.session_id = confirmed
        return confirmed

    async def say(self, message: str) -> Any:
        """Sends a message in the current session; returns the first bot message."""
        name, data = await self.ask(
            "user_uttered", {"message": message, "session_id": self.session_id}
        )
        assert name == "bot_uttered", (name, data)
        return data

    async def turn(self, message: str) -> Answer:
        """Sends a message in the current session; returns its answer (see is_an_answer)."""
        answer = await self.ask("user_uttered", {"message": message, "session_id": self.session_id})
        while not is_an_answer(answer):
            answer = await self.next_answer()
        return answer


class RawSocket:
    """An Engine.IO WebSocket on which Socket.IO packets are written by hand (42["event", ...])."""

    def __init__(
        self, url: str, seconds: float = ANSWER_SECONDS, origin: Optional[str] = None
    ) -> None:
        self.url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.seconds = seconds
        # What a browser sends: the origin of the page that opens the socket.
        self.headers = {"Origin": origin} if origin else {}
        self.stack = AsyncExitStack()
        self.ws: Optional[aiohttp.ClientWebSocketResponse] = None

    async def __aenter__(self) -> "RawSocket":
        session = await self.stack.enter_async_context(aiohttp.ClientSession())
        self.ws = await self.stack.enter_async_context(
            session.ws_connect(self.url, headers=self.headers)
        )
        assert (await self.ws.receive_str()).startswith("0")  # Engine.IO open
        await self.ws.send_str("40")  # Socket.IO connect to the default namespace
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
        """Sends one Socket.IO event packet."""
        await self.send("42" + json.dumps([event, *args]))

    async def _next_event(self) -> Answer:
        """The next event received, ("closed", how) if the socket closes; pings are answered."""
        while True:
            message = await self.ws.receive()
            if message.type != aiohttp.WSMsgType.TEXT:
                return "closed", message.type.name
            if message.data == "2":  # Engine.IO ping: answer it to stay connected
                await self.ws.send_str("3")
            elif message.data.startswith("42"):
                event, *data = json.loads(message.data[2:])
                return event, data[0] if data else None

    async def answers_until(self, *names: str) -> List[Answer]:
        """Every event received up to and including the first of `names` (or the socket closing)."""

        async def receive() -> List[Answer]:
            received: List[Answer] = []
            while not received or received[-1][0] not in (*names, "closed"):
                received.append(await self._next_event())
            return received

        # One deadline for the whole wait: the server's pings would renew a per-frame one.
        return await asyncio.wait_for(receive(), self.seconds)

    async def answer(self) -> Answer:
        """The answer to the message sent last (see is_an_answer), or ("closed", how)."""

        async def receive() -> Answer:
            answer = await self._next_event()
            while not is_an_answer(answer):
                answer = await self._next_event()
            return answer

        return await asyncio.wait_for(receive(), self.seconds)

    async def start_session(self, session_id: Optional[str] = None) -> str:
        """Asks for a conversation (new, or an issued id's); the server's first event must
        confirm it. Returns the confirmed id."""
        await self.emit("session_request", {"session_id": session_id})
        [(name, confirmed)] = await self.answers_until("session_confirm")
        assert name == "session_confirm" and confirmed, (name, confirmed)
        assert session_id is None or confirmed == session_id, (session_id, confirmed)
        return confirmed

    async def still_answers(self) -> bool:
        """Whether this socket still gets a session confirmed."""
        await self.emit("session_request", {})
        answers = await self.answers_until("session_confirm")
        return answers[-1][0] == "session_confirm" and bool(answers[-1][1])


async def opens(url: str, origin: str) -> bool:
    """Whether a browser page of that origin may open the widget's WebSocket."""
    try:
        async with RawSocket(url, origin=origin) as raw:
            return bool(await raw.start_session())
    except aiohttp.WSServerHandshakeError:
        return False


async def websocket_turns(
    url: str, messages: List[str], seconds: float = TURN_SECONDS
) -> List[Answer]:
    """The widget's side over WebSocket: a new session, then each message's answer (its first
    bot_uttered event with a topic, or reconnect_error)."""
    async with RawSocket(url, seconds) as raw:
        session_id = await raw.start_session()
        answers = []
        for message in messages:
            await raw.emit("user_uttered", {"message": message, "session_id": session_id})
            answers.append(await raw.answer())
        return answers
