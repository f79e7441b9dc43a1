"""A host site of the tests' own, on another origin than Reconnect's server: the pages of a
charity that embeds Reconnect (tests/browser/host/*.html), and one where rasa-webchat chats
with it. Served from this process (a thread), outside Reconnect's server and its CSP.

The site's name, charity.test, is mapped to 127.0.0.1 by Chromium's own resolver
(CHROMIUM_ARGS in pages.py), so the host page is another site than 127.0.0.1, as a real
embedding is. In the pages, {{RECONNECT}} is Reconnect's server URL.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional

from tests.support.paths import ROOT

HOST_NAME = "charity.test"
PAGES = Path(__file__).resolve().parent / "host"
WEBCHAT = ROOT / ".build" / "rasa-webchat" / "index.js"


class HostSite:
    """The host site on `port`; `reconnect_url` is written into its pages."""

    def __init__(self, port: int, reconnect_url: str) -> None:
        self.port = port
        self.origin = f"http://{HOST_NAME}:{port}"
        self.reconnect_url = reconnect_url
        self._server: Optional[ThreadingHTTPServer] = None

    def url(self, page: str) -> str:
        return f"{self.origin}/{page}"

    def _body(self, path: str) -> Optional[tuple]:
        name = path.split("?", 1)[0].lstrip("/")
        if name == "rasa-webchat.js":
            return WEBCHAT.read_bytes(), "text/javascript; charset=utf-8"
        page = PAGES / name
        if name.endswith(".html") and "/" not in name and page.is_file():
            text = page.read_text(encoding="utf-8").replace("{{RECONNECT}}", self.reconnect_url)
            return text.encode(), "text/html; charset=utf-8"
        return None

    def start(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                found = site._body(self.path)
                if found is None:
                    self.send_error(404)
                    return
                body, content_type = found
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
