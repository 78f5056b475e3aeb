"""Run the real hub under uvicorn in a background thread (tests, ``drc-console --demo``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import uvicorn

from services.hub.app import create_app
from services.hub.db import make_engine
from services.hub.guard import DEFAULT_MAX_BODY


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def run_hub_in_thread(db_url: str, api_key: str, *, host: str = "127.0.0.1", port: int | None = None,
                      today: Callable[[], date] | None = None, site_keys: Mapping[str, str] | None = None,
                      db_keys: bool = False, demo: bool = True, max_body: int | None = None,
                      access_log: bool = False, timeout: float = 15.0) -> tuple[str, Callable[[], None]]:
    """Serve the hub over an already migrated and seeded ``db_url`` on loopback.

    ``api_key`` is accepted as a central key (``*``: every site); ``site_keys`` adds per-site keys
    (site id or ``region:<Region>`` -> key); ``db_keys`` also accepts keys stored by ``drc-hub key``.
    ``today`` fixes the hub's business day (shock ``as_of``, demo samples); ``demo`` serves the
    sample visitors (on by default: this helper serves tests and ``--demo``). Returns ``(base_url, stop)``;
    ``stop()`` shuts uvicorn down, joins the thread and disposes the engine (safe to call twice).
    """
    engine = make_engine(db_url)
    app = create_app(engine=engine, api_keys={**(site_keys or {}), "*": api_key}, today=today,
                     db_keys=db_keys, demo=demo, max_body=DEFAULT_MAX_BODY if max_body is None else max_body)
    port = port or free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info" if access_log else "warning", access_log=access_log,
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, name=f"drc-hub:{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout)
            engine.dispose()
            raise RuntimeError(f"the hub did not start on {host}:{port}")
        time.sleep(0.01)
    stopped = threading.Event()

    def stop() -> None:
        if stopped.is_set():
            return
        stopped.set()
        server.should_exit = True
        thread.join(timeout)
        engine.dispose()

    return f"http://{host}:{port}", stop


@contextmanager
def serve_hub_process(db_url: str, api_key: str, *, pythonpath: str | None = None,
                      timeout: float = 30.0) -> Iterator[str]:
    """``drc-hub serve`` over ``db_url`` in its own process (its own GIL, as in production) on a free loopback
    port, ``api_key`` as its central key (``DRC_HUB_KEY``); yields the base URL once ``/v1/health`` answers.

    ``pythonpath`` is the checkout the hub runs from (default: this one's). The process is stopped on leaving.
    """
    import requests

    port = free_port()
    env = {**os.environ, "DRC_HUB_KEY": api_key, "PYTHONPATH": pythonpath or str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-m", "services.hub.cli", "serve", "--host", "127.0.0.1", "--port",
                             str(port), "--db", db_url], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(base + "/v1/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("drc-hub serve did not start")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def prepare_hub_db(db_url: str, households: int = 5000, seed_value: int = 1, as_of: date | None = None,
                   paradata_days: int = 3) -> bool:
    """Migrate ``db_url`` and seed it unless it already holds households; True if it seeded.

    For ``drc-console --demo``: a throw-away SQLite file seeds in a few seconds.
    """
    from sqlalchemy import func, select

    from services.hub.db import upgrade
    from services.hub.models import Household
    from services.hub.seed import seed

    upgrade(db_url)
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(Household)).scalar():
                return False
        seed(engine, households, seed_value, as_of, paradata_days)
        return True
    finally:
        engine.dispose()
