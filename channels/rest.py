"""Rasa's REST channel with its input checked first: bad requests get a 4xx, never a 5xx.

Registered in credentials.yml under its module path; its name is still "rest", so the
endpoint stays POST /webhooks/rest/webhook.
"""

from __future__ import annotations

import hmac
import json
import os
from contextvars import ContextVar
from typing import Any, Awaitable, Callable, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.storage import Unhandled, handle_or_answer_crisis
from channels.validation import (
    MAX_BODY_BYTES,
    TOO_DEEP,
    depth_problem,
    message_problem,
    sender_problem,
)

# Why the current request's message got no answer (storage down, the action server down), or
# None: Rasa's webhook would answer 200 with whatever it had collected.
UNANSWERED: ContextVar[Optional[Unhandled]] = ContextVar("unanswered", default=None)


def request_problem(body: bytes) -> Optional[Tuple[int, Text]]:
    """The status and explanation for a bad webhook request body, or None."""
    if len(body) > MAX_BODY_BYTES:
        return 413, f"the request body is larger than {MAX_BODY_BYTES} bytes"
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return 400, "the request body must be UTF-8 JSON"
    except RecursionError:  # nested deeper than Python's decoder can go
        return 400, TOO_DEEP
    if not isinstance(data, dict):
        return 400, 'the request body must be a JSON object: {"sender": "...", "message": "..."}'
    problem = (
        depth_problem(data)
        or sender_problem(data.get("sender"))
        or message_problem(data.get("message"))
    )
    if (
        problem is None
        and data.get("metadata") is not None
        and not isinstance(data["metadata"], dict)
    ):
        problem = "'metadata' must be a JSON object"
    return (400, problem) if problem else None


def token_problem(request: Request, token: Text) -> Optional[Text]:
    """Why a request without the REST token is refused, or None when it carries it."""
    given = request.headers.get("authorization", "")
    # compare_digest: the time taken does not tell how much of the token was right
    if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return None
    return "this endpoint needs the header Authorization: Bearer <REST_TOKEN>"


class ValidatingRestInput(RestInput):
    """POST /webhooks/rest/webhook, refusing malformed requests with 400 or 413, and requests
    without the token with 401 when REST_TOKEN is set (production mode: REST is for trusted
    back-ends there; the widget talks socket.io)."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST blueprint with a check in front of the webhook, and a 503 with an
        explanation when the message got no answer (storage or the action server down)."""

        async def handle(message: UserMessage) -> None:
            UNANSWERED.set(await handle_or_answer_crisis(on_new_message, message))

        blueprint = super().blueprint(handle)
        token = os.environ.get("REST_TOKEN", "")

        @blueprint.middleware("request")
        async def forget_earlier_failures(request: Request) -> None:
            UNANSWERED.set(None)  # one task serves every request of a kept-alive connection

        @blueprint.middleware("response")
        async def explain_unanswered(
            request: Request, _response: HTTPResponse
        ) -> Optional[HTTPResponse]:
            unhandled = UNANSWERED.get()
            if unhandled:
                return response.json(
                    {"error": unhandled.error},
                    status=unhandled.status,
                    headers={"Retry-After": str(unhandled.retry_after)},
                )
            return None

        @blueprint.middleware("request")
        async def refuse_bad_requests(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST":
                return None
            if token and token_problem(request, token):
                return response.json(
                    {"error": token_problem(request, token)},
                    status=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            if bool_arg(request, "stream", False):
                # A streamed reply has begun before a failure could be answered with a 503
                # or a crisis message: only whole replies are offered.
                return response.json(
                    {
                        "error": "streamed replies (?stream=true) are not "
                        "supported; leave the parameter out"
                    },
                    status=400,
                )
            problem = request_problem(request.body or b"")
            if problem is None:
                return None
            status, explanation = problem
            return response.json({"error": explanation}, status=status)

        return blueprint
