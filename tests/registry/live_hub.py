"""A real hub (FastAPI on uvicorn) on loopback that a test can stop and start again on the same port."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from services.hub.db import make_engine, upgrade
from services.hub.seed import seed
from services.hub.testing import free_port, run_hub_in_thread

SITE = "PK10101-01"
KEY = "test-site-key-0001"
CENTRAL_KEY = "test-central-key-0001"
# The day of the shared ``clock`` fixture: the hub is seeded and answers as of this day.
AS_OF = date(2026, 3, 4)


def seeded_hub_db(folder: Path, households: int = 400, as_of: date = AS_OF) -> str:
    """A migrated, seeded SQLite hub database; returns its URL."""
    url = f"sqlite:///{folder / 'hub.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    seed(engine, households=households, seed=7, as_of=as_of, paradata_days=1)
    engine.dispose()
    return url


class LiveHub:
    """The hub (``services.hub.testing.run_hub_in_thread``) that ``stop()``/``start()`` keep on one port.

    The console's key is a site key for ``site``: the hub refuses it other sites' data (403).
    """

    def __init__(self, db_url: str, api_key: str = KEY, site: str = SITE, port: int | None = None,
                 today: date = AS_OF) -> None:
        self.db_url = db_url
        self.api_key = api_key
        self.site = site
        self.today = today
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop: Callable[[], None] | None = None

    def start(self) -> LiveHub:
        """Serve until ``stop``; returns when the port accepts connections."""
        _url, self._stop = run_hub_in_thread(
            self.db_url, CENTRAL_KEY, port=self.port, today=lambda: self.today, site_keys={self.site: self.api_key})
        return self

    def stop(self) -> None:
        """Shut the server down (safe to call twice)."""
        if self._stop is not None:
            self._stop()
        self._stop = None
