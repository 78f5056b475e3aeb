"""A TCP proxy on loopback that makes a link slow: each direction delayed, as on a DRC's mobile link.

Every chunk read from one side is written to the other ``delay`` seconds later (bytes keep their
order; throughput is not limited, only latency), so a request/response costs ``2 * delay`` more:
``SlowLink(hub_port, delay=0.15)`` is a 300 ms round trip. A new connection also pays one round
trip before any byte passes, as the TCP handshake would. Runs its own asyncio loop in a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time


class SlowLink:
    """``127.0.0.1:port`` forwards to ``127.0.0.1:target`` with ``delay`` seconds each way."""

    def __init__(self, target: int, delay: float = 0.15, host: str = "127.0.0.1") -> None:
        self.target, self.delay, self.host = target, delay, host
        self.port = 0
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._run, name="slow-link", daemon=True)

    @property
    def url(self) -> str:
        """The proxy's base URL."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> SlowLink:
        """Listen; returns once the port is known."""
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("slow link did not start")
        return self

    def stop(self) -> None:
        """Close the listener and every connection, end the thread."""
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, self.host, 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(self._loop):
                task.cancel()
            with contextlib.suppress(Exception):
                self._loop.run_until_complete(asyncio.sleep(0))
            self._loop.close()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        self.connections += 1
        await asyncio.sleep(2 * self.delay)  # the handshake's round trip
        try:
            up_r, up_w = await asyncio.open_connection(self.host, self.target)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(self._pipe(client_r, up_w), self._pipe(up_r, client_w), return_exceptions=True)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Forward chunks in order, each ``delay`` after it arrived (a queue keeps them pipelined)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(65536)
                await queue.put((time.monotonic() + self.delay, data))
                if not data:
                    break
        except (ConnectionError, OSError):
            await queue.put((0.0, b""))
        with contextlib.suppress(Exception):
            await sender
