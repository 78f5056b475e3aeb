"""Report fixtures: the real hub (seeded, on loopback) from tests/hub, and a simulated day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from db.engine import Store
from db.migrate import upgrade
from services.simulate import simulate_day
from tests.hub.conftest import hub, hub_sqlite_url  # noqa: F401  (fixtures reused)

SIM_DAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def simulated_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A site database holding one simulated day (120 visitors, 4 counters)."""
    path: Path = tmp_path_factory.mktemp("sim") / "site.sqlite3"
    url = f"sqlite:///{path}"
    upgrade(url)
    store = Store.open(url)
    try:
        simulate_day(store, tokens=120, counters=4, seed=7, day=SIM_DAY)
    finally:
        store.dispose()
    return url
