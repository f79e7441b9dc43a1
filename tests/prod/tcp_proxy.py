"""A TCP proxy that can be cut, hung and restored, to make PostgreSQL or Redis unavailable
to Rasa only."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine, Optional, Set

from tests.support.ports import server_port


class TcpProxy:
    """Forwards 127.0.0.1:port to a target; close() cuts every connection and refuses new
    ones; hang() cuts them and accepts new ones that never get an answer."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = server_port()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Optional[asyncio.AbstractServer] = None
        self._transports: Set[asyncio.BaseTransport] = set()
        self._hanging = False

    def start(self) -> None:
        """Starts the proxy's thread and opens it."""
        self._thread.start()
        self.open()

    def open(self) -> None:
        """Accepts and forwards connections again (a hung one is cut, so its client retries)."""
        self._call(self._open())

    def hang(self) -> None:
        """A server that stops answering: every connection cut, new ones accepted and held
        without a byte in either direction."""
        self._call(self._hang())

    def close(self) -> None:
        """Refuses new connections and drops the open ones, as a database that went away."""
        self._call(self._close())

    def stop(self) -> None:
        """Closes the proxy and ends its thread."""
        self.close()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _call(self, coroutine: Coroutine[Any, Any, None]) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    async def _hang(self) -> None:
        await self._open()
        self._abort_all()
        self._hanging = True

    def _abort_all(self) -> None:
        for transport in list(self._transports):
            transport.abort()  # a reset, not a polite close: what a crashed server looks like
        self._transports.clear()

    async def _open(self) -> None:
        if self._hanging:
            self._hanging = False
            self._abort_all()
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        self._hanging = False
        self._abort_all()

    async def _serve(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        if self._hanging:
            self._transports.add(client_writer.transport)  # held open, never answered
            return
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        self._transports |= {client_writer.transport, server_writer.transport}
        await asyncio.gather(
            self._pipe(client_reader, server_writer), self._pipe(server_reader, client_writer)
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass  # the other side went away, or close() cut the connection
        finally:
            self._transports.discard(writer.transport)
            writer.transport.abort()
