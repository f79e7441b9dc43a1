"""Rasa's socket.io channel as the widget (and rasa-webchat) needs it, with its own server.

- Conversations belong to the ids the server issued (channels/session_ids.py): a socket joins
  a conversation only with an id it was given, and sends only into the one it joined.
- Only pages of this server's own origin, or of the origins in CORS_ORIGIN, may connect
  (Rasa's own channel turns engine.io's origin check off). engine.io checks the origin but
  adds no CORS headers: Rasa's CORS (--cors, from the same CORS_ORIGIN) adds them to every
  response, and two Access-Control-Allow-Origin headers make browsers refuse the long-polling
  answers that a client starting on polling (rasa-webchat) needs.
- One `bot_uttered` event per bot message, in the shape of Rasa's own channel: `text`, with
  `quick_replies` for buttons, and the topic and article section in `metadata` (which
  rasa-webchat takes off before it renders the rest). Rasa's output sends `custom` as a
  separate event, with keyword arguments that python-socketio's emit() does not accept.
- A turn's replies are sent once it is stored, so a reply never tells of something that did
  not happen ("your conversation is deleted" when the disk was full); when the turn cannot be
  stored, a `reconnect_error` says the message was not kept. The safety net's replies are the
  exception: they go out at once, whatever happens next.
- Input is checked: a malformed event gets a `reconnect_error` event, never a crash; frames
  are capped at the REST body cap.
- `enter_room` is awaited when it is a coroutine (python-socketio 5.10+, RasaHQ/rasa#13027).
Registered in credentials.yml under its module path; its name is still "socketio".
"""

from __future__ import annotations

import inspect
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

import engineio
import rasa.core.channels.channel
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import response
from sanic.request import Request
from socketio import AsyncServer

from channels.session_ids import SessionIds
from channels.storage import SAFETY_TOPICS, handle_or_answer_crisis
from channels.validation import MAX_BODY_BYTES, depth_problem, message_problem

logger = logging.getLogger(__name__)
ERROR_EVENT = "reconnect_error"
NOT_JOINED = (
    "this socket has not joined that conversation: send session_request first, and use the "
    "session_id it confirms"
)


async def _maybe_await(result: Any) -> None:
    """Room calls became coroutines in python-socketio 5.10 (RasaHQ/rasa#13027)."""
    if inspect.isawaitable(result):
        await result


def allowed_origins() -> List[Text]:
    """The other sites whose pages may connect: CORS_ORIGIN, a list (spaces or commas)."""
    return os.environ.get("CORS_ORIGIN", "").replace(",", " ").split()


def own_origin(environ: Dict[Text, Any]) -> Optional[Text]:
    """The origin the request was made to (behind a proxy, the one it forwards)."""
    request: Optional[Request] = environ.get("sanic.request")
    if request is None:
        return None
    scheme = request.headers.get("x-forwarded-proto", request.scheme).split(",")[0].strip()
    # A page is http(s); the WebSocket it opens to the same server is ws(s).
    page_scheme = {"ws": "http", "wss": "https"}.get(scheme, scheme)
    return f"{page_scheme}://{request.headers.get('host', '')}"


class OriginCheckingEngineIO(engineio.AsyncServer):
    """engine.io that refuses other origins (cors_allowed_origins) and leaves the CORS headers
    of the allowed ones to Rasa's CORS, which adds them to every response of the server."""

    def _cors_headers(self, environ: Dict[Text, Any]) -> List[Any]:
        return []


class OriginCheckingServer(AsyncServer):
    """python-socketio's server on OriginCheckingEngineIO."""

    def _engineio_server_class(self) -> type:
        return OriginCheckingEngineIO


class TopicSocketIOOutput(SocketIOOutput):
    """Sends each bot message as one event: {text, quick_replies, metadata}; the safety net's
    at once, the others when the turn is stored (flush)."""

    def __init__(self, sio: Any, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        # The topics already given in this turn: a crisis answered by the turn before its
        # storage failed is not sent a second time (channels/storage.py).
        self.sent_topics: List[Text] = []
        self._held: List[Tuple[Text, Dict[Text, Any]]] = []

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Sends a safety net reply now; holds any other until the turn is stored."""
        topic = (message.get("custom") or {}).get("topic")
        self.sent_topics.append(topic)
        if topic in SAFETY_TOPICS:
            await self._emit(recipient_id, message)
        else:
            self._held.append((recipient_id, message))

    async def flush(self) -> None:
        """Sends the replies held until the turn was stored."""
        held, self._held = self._held, []
        for recipient_id, message in held:
            await self._emit(recipient_id, message)

    async def _emit(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Keeps text, buttons and the topic of a message together."""
        event: Dict[Text, Any] = {}
        if message.get("text"):
            event["text"] = message["text"]
        if message.get("buttons"):
            event["quick_replies"] = [
                {"content_type": "text", "title": b["title"], "payload": b["payload"]}
                for b in message["buttons"]
            ]
        if message.get("custom"):
            event["metadata"] = message["custom"]
        if event:
            await self._send_message(recipient_id, event)


class TopicSocketIOInput(SocketIOInput):
    """Rasa's socket.io input, with issued session ids, checked origins and events, and
    TopicSocketIOOutput."""

    def get_output_channel(self) -> Optional[TopicSocketIOOutput]:
        """The output used for messages sent outside a conversation turn."""
        return TopicSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> SocketBlueprint:
        """The socket.io server and its handlers (Rasa's, with its own parts replaced)."""
        others = allowed_origins()

        def origin_allowed(origin: Text, environ: Dict[Text, Any]) -> bool:
            return origin == own_origin(environ) or origin in others

        sio = OriginCheckingServer(
            async_mode="sanic",
            cors_allowed_origins=origin_allowed,
            max_http_buffer_size=MAX_BODY_BYTES,
        )
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # for get_output_channel
        ids = SessionIds.from_environment()
        namespace = self.namespace

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            return bool(
                token
                and rasa.core.channels.channel.decode_bearer_token(
                    token, self.jwt_key, self.jwt_algorithm
                )
            )

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any = None, *_extra: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if ids.issued(requested) else ids.issue()
            # A socket belongs to one conversation at a time: after "Start over", replies
            # still owed to the old one must not appear in the new one.
            for room in sio.rooms(sid, namespace=namespace):
                if room not in (sid, session_id):
                    await _maybe_await(sio.leave_room(sid, room, namespace=namespace))
            await _maybe_await(sio.enter_room(sid, session_id, namespace=namespace))
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any = None, *_extra: Any) -> None:
            if not isinstance(data, dict):
                return await self._refuse(sid, "the event must be an object {message, session_id}")
            sender = data.get("session_id")
            problem = depth_problem(data) or message_problem(data.get("message"))
            if problem is None and not (
                ids.issued(sender) and sender in sio.rooms(sid, namespace=namespace)
            ):
                problem = NOT_JOINED
            metadata = data.get(self.metadata_key) or {}
            if problem is None and not isinstance(metadata, dict):
                problem = "metadata must be an object"
            if problem:
                return await self._refuse(sid, problem)
            output = TopicSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(
                data["message"], output, sender, input_channel=self.name(), metadata=metadata
            )
            unhandled = await handle_or_answer_crisis(on_new_message, message)
            if unhandled:
                await self._refuse(sid, unhandled.error, unhandled.retry_after)
            else:
                await output.flush()

        return blueprint

    async def _refuse(self, sid: Text, problem: Text, retry_after: Optional[int] = None) -> None:
        logger.info("socket.io event refused: %s", problem)
        event: Dict[Text, Any] = {"error": problem}
        if retry_after:
            event["retry_after"] = retry_after  # seconds, as REST's Retry-After
        await self.sio.emit(ERROR_EVENT, event, room=sid, namespace=self.namespace)
