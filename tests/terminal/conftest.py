"""A real counter terminal on a random loopback port over the demo site."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from db.engine import Store
from services.auth import AuthService, make_hasher, set_demo_pins
from services.clock import FixedClock
from services.queue import QueueService
from services.site import SiteService
from services.terminal import TerminalDeps, TerminalServer, create_app
from tests.conftest import SITE_ID

TIMEOUT = 10


@dataclass
class Terminal:
    """The running terminal and the services behind it."""

    url: str
    queue: QueueService
    site: SiteService
    auth: AuthService
    counters: list[int]

    def sign_in(self, username: str, pin: str = "1234") -> tuple[requests.Session, str]:
        """A browser-like session signed in as ``username``; returns it and its CSRF token."""
        http = requests.Session()
        r = http.post(self.url + "login", data={"username": username, "pin": pin},
                      headers={"Accept": "application/json"}, timeout=TIMEOUT)
        assert r.status_code == 200, r.text
        return http, r.json()["csrf"]

    def act(self, http: requests.Session, csrf: str, action: str, **form: object) -> requests.Response:
        """Press a terminal button (JSON answer)."""
        return http.post(self.url + f"action/{action}", data={"csrf": csrf, **form},
                         headers={"Accept": "application/json"}, timeout=TIMEOUT)


@pytest.fixture
def terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[Terminal]:
    """The terminal app served by uvicorn on 127.0.0.1 and a free port; demo PINs are 1234."""
    yield from serve_terminal(store, clock, site, queue)


def serve_terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[Terminal]:
    """Run a terminal over ``store`` until the generator is closed."""
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    auth = AuthService(store, clock, hasher=hasher, site_id=SITE_ID)
    sites = SiteService(store, clock, SITE_ID)
    app = create_app(TerminalDeps(queue, sites, auth, clock, site_name="DRC Bagh"))
    server = TerminalServer(app, "127.0.0.1", 0)
    url = server.start()
    try:
        yield Terminal(url, queue, sites, auth, site)
    finally:
        server.stop()
    assert not server.running
