"""Fixtures for the hub: a seeded SQLite hub database and the real hub under uvicorn on loopback.

Reusable from other test folders: ``from tests.hub.conftest import hub, hub_sqlite_url  # noqa: F401``
or call ``services.hub.testing.run_hub_in_thread`` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import requests

from services.hub.db import make_engine, upgrade
from services.hub.seed import seed
from services.hub.testing import run_hub_in_thread

TODAY = date(2026, 3, 4)  # the day of tests/conftest.py's FixedClock
HUB_KEY = "test-central-key"
SITE_ID = "PK10101-01"
SITE_KEY = "test-site-key-PK10101-01"
HOUSEHOLDS = 3000
SEED = 11


@dataclass
class HubServer:
    """A running hub: where it listens, its keys and database."""

    base_url: str
    api_key: str
    db_url: str
    stop: Callable[[], None]

    def session(self, key: str | None = None) -> requests.Session:
        """A requests session that sends ``key`` (default: the central key) as bearer."""
        ses = requests.Session()
        ses.headers["Authorization"] = f"Bearer {key or self.api_key}"
        return ses

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` (``/v1/...``)."""
        return self.base_url + path


def seeded_hub_db(url: str, households: int = HOUSEHOLDS, seed_value: int = SEED, paradata_days: int = 2) -> str:
    """Migrate and seed the hub database at ``url`` (as of ``TODAY``); returns the URL."""
    upgrade(url)
    engine = make_engine(url)
    try:
        seed(engine, households, seed_value, as_of=TODAY, paradata_days=paradata_days)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="session")
def hub_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated, seeded SQLite hub database shared by the session (3,000 households)."""
    path: Path = tmp_path_factory.mktemp("hub") / "hub.sqlite3"
    return seeded_hub_db(f"sqlite:///{path}")


@pytest.fixture(scope="session")
def hub(hub_sqlite_url: str) -> Iterator[HubServer]:
    """The real hub under uvicorn on a random loopback port (central key ``HUB_KEY``)."""
    base_url, stop = run_hub_in_thread(hub_sqlite_url, HUB_KEY, site_keys={SITE_ID: SITE_KEY}, today=lambda: TODAY)
    try:
        yield HubServer(base_url, HUB_KEY, hub_sqlite_url, stop)
    finally:
        stop()


@pytest.fixture
def api(hub: HubServer) -> Iterator[requests.Session]:
    """A requests session with the central key."""
    ses = hub.session()
    yield ses
    ses.close()


@pytest.fixture
def hub_factory() -> Iterator[Callable[[str], HubServer]]:
    """Start extra hubs over given (seeded) URLs; each is stopped after the test."""
    started: list[HubServer] = []

    def start(db_url: str) -> HubServer:
        base_url, stop = run_hub_in_thread(db_url, HUB_KEY, site_keys={SITE_ID: SITE_KEY}, today=lambda: TODAY)
        server = HubServer(base_url, HUB_KEY, db_url, stop)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
