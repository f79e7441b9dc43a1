"""engine.io answers a polling POST over its size limit with a 413, instead of hanging.

python-engineio answers a polling POST over max_http_buffer_size by closing the socket and
then waiting for the client to poll the close packet, which cannot happen during that POST:
the request hangs until Sanic's response timeout answers 503.
"""

from __future__ import annotations

from typing import Any

import engineio
from sanic import response
from sanic.request import Request

_engineio_handle_request = engineio.AsyncServer.handle_request


async def handle_request(
    self: engineio.AsyncServer, request: Request, *args: Any, **kwargs: Any
) -> Any:
    """engine.io's request handler, refusing an oversized POST body with a 413 first."""
    if request.method == "POST" and len(request.body or b"") > self.max_http_buffer_size:
        return response.json(
            {"error": f"the request body is larger than {self.max_http_buffer_size} bytes"},
            status=413,
        )
    return await _engineio_handle_request(self, request, *args, **kwargs)


def refuse_oversized_posts() -> None:
    """Makes every engine.io server (the socket.io channel's) answer oversized POSTs with 413."""
    engineio.AsyncServer.handle_request = handle_request
