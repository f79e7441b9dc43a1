"""Rasa's REST channel with its input checked first: bad requests get a 4xx, never a 5xx.

Registered in credentials.yml under its module path; its name is still "rest", so the
endpoint stays POST /webhooks/rest/webhook.
"""
from __future__ import annotations

import json
import re
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

# Big enough for a long letter (the crisis detector reads all of it), small enough that
# one request cannot tie up the server.
MAX_BODY_BYTES = 200_000
SENDER_ID = re.compile(r"^[A-Za-z0-9_:@+\-][A-Za-z0-9_.:@+\-]{0,127}$")


def request_problem(body: bytes) -> Optional[Text]:
    """What is wrong with a webhook request body, in words a client developer can act on."""
    if len(body) > MAX_BODY_BYTES:
        return f"the request body is larger than {MAX_BODY_BYTES} bytes"
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "the request body must be UTF-8 JSON"
    if not isinstance(data, dict):
        return 'the request body must be a JSON object: {"sender": "...", "message": "..."}'
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not SENDER_ID.match(sender) or ".." in sender:
        return "'sender' must be 1-128 letters, digits or _.:@+- (and no '..')"
    if not isinstance(message, str):
        return "'message' must be a string"
    if data.get("metadata") is not None and not isinstance(data["metadata"], dict):
        return "'metadata' must be a JSON object"
    return None


class ValidatingRestInput(RestInput):
    """POST /webhooks/rest/webhook, refusing malformed requests with 400 or 413."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's REST blueprint with a check in front of the webhook."""
        blueprint = super().blueprint(on_new_message)

        @blueprint.middleware("request")
        async def refuse_bad_requests(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST":
                return None
            problem = request_problem(request.body or b"")
            if problem is None:
                return None
            status = 413 if problem.startswith("the request body is larger") else 400
            return response.json({"error": problem}, status=status)

        return blueprint
