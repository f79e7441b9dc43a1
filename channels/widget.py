"""Serves the built web widget (.build/widget) at /webhooks/widget/, same origin as Rasa."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

WIDGET_DIR = Path(__file__).resolve().parent.parent / ".build" / "widget"
FILE_NAME = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$")
# Everything the page needs comes from this server: no third-party requests.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


class WidgetInput(InputChannel):
    """Not a chat channel (the widget talks socket.io): only serves the widget's files."""

    @classmethod
    def name(cls) -> Text:
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """GET /webhooks/widget/ and /webhooks/widget/<file>."""
        blueprint = Blueprint("reconnect_widget", __name__)

        # The page's asset URLs are relative, so it must be loaded from the folder URL.
        @blueprint.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return response.redirect(request.path.rstrip("/") + "/")

        # Sanic also routes "/webhooks/widget/" here, with an empty name.
        @blueprint.route("/<name>", methods=["GET"])
        async def asset(request: Request, name: Text) -> HTTPResponse:
            return await _file(name or "index.html")

        return blueprint


async def _file(name: Text) -> HTTPResponse:
    path = WIDGET_DIR / name
    if not FILE_NAME.match(name) or not path.is_file():
        return response.json({"error": "not found"}, status=404)
    return await response.file(path, headers=SECURITY_HEADERS)
