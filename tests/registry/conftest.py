"""A tiny misbehaving HTTP server on loopback: stalls, 5xx, bad JSON, wrong shapes."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

# (status, content type, body bytes) for a request (method, path, headers).
Reply = tuple[int, str, bytes]
Behaviour = Callable[[str, str, dict[str, str]], Reply]


@dataclass
class FakeHub:
    """Answers every request with ``behaviour``; records what it saw."""

    url: str
    behaviour: Behaviour
    release: threading.Event
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def json(self, status: int, body: Any) -> None:
        """Answer everything with ``body`` as JSON."""
        data = json.dumps(body).encode()
        self.behaviour = lambda m, p, h: (status, "application/json", data)

    def raw(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        """Answer everything with these bytes."""
        self.behaviour = lambda m, p, h: (status, ctype, body)

    def stall(self) -> None:
        """Never answer (until the test ends)."""

        def hang(m: str, p: str, h: dict[str, str]) -> Reply:
            self.release.wait(10)
            return 200, "application/json", b"{}"

        self.behaviour = hang


@pytest.fixture
def fake_hub() -> Iterator[FakeHub]:
    """A loopback server whose answers a test sets; stalled handlers are released at the end."""
    release = threading.Event()
    hub = FakeHub("", lambda m, p, h: (200, "application/json", b"{}"), release)

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            hub.seen.append((self.command, self.path, headers))
            status, ctype, body = hub.behaviour(self.command, self.path, headers)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): that is the point of the test

        do_GET = do_POST = _any

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), name="fake-hub", daemon=True)
    thread.start()
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield hub
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="session")
def hub_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One seeded hub database for the session (read-mostly; events go to it too)."""
    from tests.registry.live_hub import seeded_hub_db

    return seeded_hub_db(tmp_path_factory.mktemp("hub"))


@pytest.fixture
def live_hub(hub_db: str) -> Iterator[Any]:
    """The real hub on a random loopback port, stopped after the test."""
    from tests.registry.live_hub import LiveHub

    hub = LiveHub(hub_db).start()
    try:
        yield hub
    finally:
        hub.stop()
