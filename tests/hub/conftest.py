"""Fixtures for the hub: a seeded SQLite hub database and the real hub under uvicorn on loopback.

Reusable from other test folders: ``from tests.hub.conftest import hub, hub_sqlite_url  # noqa: F401``
or call ``services.hub.testing.run_hub_in_thread`` directly.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import requests
from sqlalchemy import make_url

from services.hub.db import make_engine, upgrade
from services.hub.seed import seed
from services.hub.testing import run_hub_in_thread
from tests.conftest import pg_admin

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


_TEMPLATES: dict[tuple[str, int, int, int], str] = {}
"""Seeded copies kept for the run, by (backend, households, seed, paradata days): a file or a database name."""


def seeded_hub_db(url: str, households: int = HOUSEHOLDS, seed_value: int = SEED, paradata_days: int = 2) -> str:
    """Migrate and seed the hub database at ``url`` (as of ``TODAY``); returns the URL.

    The seed is deterministic, so only the first database of each kind is seeded: it is kept, and
    later ones are copies of it (a file copy on SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL).
    ``url`` is a new SQLite file or a new, empty PostgreSQL database (``pg_url``).
    """
    parsed = make_url(url)
    key = (parsed.get_backend_name(), households, seed_value, paradata_days)
    kept = _TEMPLATES.get(key)
    if kept is not None:
        _copy(kept, url)
        return url
    upgrade(url)
    engine = make_engine(url)
    try:
        seed(engine, households, seed_value, as_of=TODAY, paradata_days=paradata_days)
    finally:
        engine.dispose()
    _TEMPLATES[key] = _keep(url)
    return url


def _keep(url: str) -> str:
    """A copy of the seeded database at ``url``, removed when the run ends; its file path or database name."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="drc-hub-seeded-"))
        atexit.register(shutil.rmtree, folder, True)
        kept = folder / "hub.sqlite3"
        shutil.copyfile(str(parsed.database), kept)
        return str(kept)
    name = f"drc_seeded_{uuid.uuid4().hex[:12]}"
    pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{parsed.database}"')
    atexit.register(pg_admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return name


def _copy(kept: str, url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        shutil.copyfile(kept, str(parsed.database))
    else:
        pg_admin(f'DROP DATABASE "{parsed.database}"', f'CREATE DATABASE "{parsed.database}" TEMPLATE "{kept}"')


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
