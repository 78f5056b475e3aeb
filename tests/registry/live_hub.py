"""A real hub (FastAPI on uvicorn) on loopback that a test can stop and start again on the same port."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import uvicorn

from services.hub.app import create_app
from services.hub.db import make_engine, upgrade
from services.hub.seed import seed

SITE = "PK10101-01"
KEY = "test-site-key-0001"
# The day of the shared ``clock`` fixture: the hub is seeded and answers as of this day.
AS_OF = date(2026, 3, 4)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seeded_hub_db(folder: Path, households: int = 400, as_of: date = AS_OF) -> str:
    """A migrated, seeded SQLite hub database; returns its URL."""
    url = f"sqlite:///{folder / 'hub.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    seed(engine, households=households, seed=7, as_of=as_of, paradata_days=1)
    engine.dispose()
    return url


class LiveHub:
    """uvicorn serving the hub in a thread; ``stop()`` and ``start()`` keep the same port."""

    def __init__(self, db_url: str, api_key: str = KEY, site: str = SITE, port: int | None = None,
                 today: date = AS_OF) -> None:
        self.db_url = db_url
        self.today = today
        self.api_key = api_key
        self.site = site
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> LiveHub:
        """Serve until ``stop``; returns when the port accepts connections."""
        app = create_app(self.db_url, {self.site: self.api_key}, today=lambda: self.today)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="live-hub", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the hub did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Shut the server down and wait for its thread."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
            engine = getattr(self._server.config.app.state, "engine", None)
            if engine is not None:
                engine.dispose()
        self._server = self._thread = None
