"""Serving the terminal with uvicorn on a background thread of the console process."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from services.asgi import ASGIApp


def lan_address() -> str:
    """This machine's address on the LAN (no packet is sent), or loopback when there is none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return str(s.getsockname()[0])
    except OSError:
        return "127.0.0.1"


class TerminalServer:
    """Runs an ASGI app on ``bind:port`` (port 0: any free port) until :meth:`stop`."""

    def __init__(self, app: ASGIApp, bind: str = "127.0.0.1", port: int = 0, *,
                 tls: tuple[Path, Path] | None = None) -> None:
        self.app = app
        self.bind = bind
        self.requested_port = port
        self.tls = tls
        self.port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Where a tablet on the LAN opens the terminal (the LAN address when bound to all)."""
        host = lan_address() if self.bind in ("0.0.0.0", "") else self.bind
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}/"

    @property
    def loopback_only(self) -> bool:
        """True when only this PC can open the terminal (tablets on the LAN cannot)."""
        return self.bind.startswith("127.") or self.bind in ("localhost", "::1")

    def config(self) -> uvicorn.Config:
        """uvicorn settings: bounded connections and keep-alive, TLS when a certificate is given."""
        cert, key = self.tls if self.tls else (None, None)
        return uvicorn.Config(self.app, host=self.bind, port=self.requested_port, log_level="warning",
                              lifespan="off", access_log=False, limit_concurrency=200, timeout_keep_alive=5,
                              h11_max_incomplete_event_size=16 * 1024,
                              ssl_certfile=str(cert) if cert else None, ssl_keyfile=str(key) if key else None)

    def start(self, timeout: float = 10.0) -> str:
        """Start serving and return the URL; raises ``OSError`` if the port cannot be bound."""
        self._server = server = uvicorn.Server(self.config())
        # uvicorn only installs signal handlers on the main thread, so the console keeps its own.
        self._thread = threading.Thread(target=server.run, name="drc-terminal", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive():
                raise OSError(f"The counter terminal could not listen on {self.bind}:{self.requested_port}")
            if time.monotonic() > deadline:
                self.stop()
                raise OSError("The counter terminal did not start in time")
            time.sleep(0.02)
        self.port = int(server.servers[0].sockets[0].getsockname()[1])
        return self.url

    @property
    def running(self) -> bool:
        """True while the server thread is serving."""
        return bool(self._thread and self._thread.is_alive())

    def stop(self, timeout: float = 5.0) -> None:
        """Ask uvicorn to finish open requests and wait for the thread to end."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
