"""Rasa's socket.io channel as the widget needs it.

- One `bot_uttered` event per bot message, with its text, buttons and topic together
  (Rasa's own output sends `custom` as a separate event, with keyword arguments that
  python-socketio's emit() does not accept).
- Input is checked: a malformed event gets a `reconnect_error` event, never a crash.
- `enter_room` is awaited when it is a coroutine (python-socketio 5.10+, RasaHQ/rasa#13027),
  so session persistence keeps working if the pinned 5.9 is ever upgraded.
- A socket leaves its previous conversation's room when it asks for a new session.
Registered in credentials.yml under its module path; its name is still "socketio".
"""

from __future__ import annotations

import inspect
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput

from channels.storage import handle_or_answer_crisis
from channels.validation import depth_problem, message_problem, sender_problem

logger = logging.getLogger(__name__)
ERROR_EVENT = "reconnect_error"


async def _maybe_await(result: Any) -> None:
    """Room calls became coroutines in python-socketio 5.10 (RasaHQ/rasa#13027)."""
    if inspect.isawaitable(result):
        await result


class TopicSocketIOOutput(SocketIOOutput):
    """Sends each bot message as one event: {text, quick_replies, custom}."""

    def __init__(self, sio: Any, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        # The topics already sent in this turn: a crisis answered by the turn before its
        # storage failed is not sent a second time (channels/storage.py).
        self.sent_topics: List[Text] = []

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Keeps text, buttons and the topic of a message together."""
        self.sent_topics.append((message.get("custom") or {}).get("topic"))
        event: Dict[Text, Any] = {}
        if message.get("text"):
            event["text"] = message["text"]
        if message.get("buttons"):
            event["quick_replies"] = [
                {"content_type": "text", "title": b["title"], "payload": b["payload"]}
                for b in message["buttons"]
            ]
        if message.get("custom"):
            event["custom"] = message["custom"]
        if event:
            await self._send_message(recipient_id, event)


class TopicSocketIOInput(SocketIOInput):
    """Rasa's socket.io input, with checked events and TopicSocketIOOutput."""

    def get_output_channel(self) -> Optional[TopicSocketIOOutput]:
        """The output used for messages sent outside a conversation turn."""
        return TopicSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> SocketBlueprint:
        """Rasa's blueprint, with its session and message handlers replaced."""
        blueprint = super().blueprint(on_new_message)
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None, *_extra: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if sender_problem(requested) is None else uuid.uuid4().hex
            if self.session_persistence:
                # A socket belongs to one conversation at a time: after "Start over", replies
                # still owed to the old one must not appear in the new one.
                for room in sio.rooms(sid, namespace=self.namespace):
                    if room not in (sid, session_id):
                        await _maybe_await(sio.leave_room(sid, room, namespace=self.namespace))
                await _maybe_await(sio.enter_room(sid, session_id, namespace=self.namespace))
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None, *_extra: Any) -> None:
            if not isinstance(data, dict):
                return await self._refuse(sid, "the event must be an object {message, session_id}")
            sender = data.get("session_id") if self.session_persistence else sid
            problem = (
                depth_problem(data)
                or sender_problem(sender)
                or message_problem(data.get("message"))
            )
            metadata = data.get(self.metadata_key) or {}
            if problem is None and not isinstance(metadata, dict):
                problem = "metadata must be an object"
            if problem:
                return await self._refuse(sid, problem)
            output = TopicSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(
                data["message"], output, sender, input_channel=self.name(), metadata=metadata
            )
            problem = await handle_or_answer_crisis(on_new_message, message)
            if problem:
                await self._refuse(sid, problem)

        return blueprint

    async def _refuse(self, sid: Text, problem: Text) -> None:
        logger.info("socket.io event refused: %s", problem)
        await self.sio.emit(ERROR_EVENT, {"error": problem}, room=sid, namespace=self.namespace)
