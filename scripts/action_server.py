"""Runs rasa-sdk's action server reachable only by Rasa: on 127.0.0.1, and with a token.

Takes the arguments of `rasa run actions` (`--actions actions --port 5055`, logging options).
`rasa run actions` listens on every interface (rasa-sdk 3.6 has no --interface option), so
anyone on the network could run actions with a made-up conversation. Here the server
listens on 127.0.0.1 only. When ACTION_TOKEN is set, /webhook and /actions also require
`Authorization: Bearer <ACTION_TOKEN>` (endpoints.prod.yml sends it), which keeps out
other local programs and web pages in a local browser; /health stays open for readiness checks.
"""

from __future__ import annotations

import hmac
import os
from typing import List, Optional

import pluggy
from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

LOOPBACK = "127.0.0.1"
OPEN_PATHS = {"/health"}
hookimpl = pluggy.HookimplMarker("rasa_sdk")


class TokenCheck:
    """rasa-sdk plugin that refuses requests without the shared token."""

    def __init__(self, token: str) -> None:
        self.expected = f"Bearer {token}"

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        """Adds the check in front of every route but /health."""

        @app.middleware("request")
        async def require_token(request: Request) -> Optional[HTTPResponse]:
            if request.path in OPEN_PATHS:
                return None
            given = request.headers.get("authorization", "")
            # compare_digest: the time taken does not tell how much of the token was right
            if hmac.compare_digest(given.encode(), self.expected.encode()):
                return None
            return response.json({"error": "this server answers only the Rasa server"}, status=401)


def main(argv: Optional[List[str]] = None) -> None:
    """Parses `rasa run actions` arguments and serves the actions on 127.0.0.1."""
    args = create_argument_parser().parse_args(argv)
    # rasa_sdk.endpoint.run binds to $SANIC_HOST, 0.0.0.0 when unset.
    os.environ["SANIC_HOST"] = LOOPBACK
    token = os.environ.get("ACTION_TOKEN")
    if token:
        plugin_manager().register(TokenCheck(token))
    main_from_args(args)


if __name__ == "__main__":
    main()
