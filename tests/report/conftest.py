"""Report fixtures: the real hub (seeded, on loopback) from tests/hub, and a simulated day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import simulated_site_db
from tests.hub.conftest import hub, hub_sqlite_url  # noqa: F401  (fixtures reused)

SIM_DAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def simulated_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A site database holding one simulated day (120 visitors, 4 counters)."""
    return simulated_site_db(tmp_path_factory.mktemp("sim") / "site.sqlite3", SIM_DAY, tokens=120, counters=4, seed=7)
