"""The one-query loader reads times exactly on SQLite and PostgreSQL (boundaries, midnight)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from db.engine import Store
from db.migrate import upgrade
from db.models import Role, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.metrics import MetricsService
from services.provision import ensure_site, seed_demo
from services.queue import QueuePolicy, QueueService
from services.roles import Actor
from tests.conftest import SITE_ID


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Store]:
    """A migrated store on each backend."""
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    if request.param != "sqlite":
        upgrade(url)
    st = Store.open(url)
    yield st
    st.dispose()


def test_exact_times_on_every_backend(any_store: Store) -> None:
    clock = FixedClock(datetime(2026, 3, 4, 9, 0, 0, 250_000, tzinfo=SITE_ZONE))
    ensure_site(any_store, SITE_ID, "DRC Bagh")
    counters = seed_demo(any_store, clock, SITE_ID, 2)
    q = QueueService(any_store, clock, SITE_ID, QueuePolicy())
    sup, tri = Actor("supervisor", Role.SUPERVISOR), Actor("triage", Role.TRIAGE)
    a = q.issue_token(UpdateType.ROSTER, actor=tri)
    b = q.issue_token(UpdateType.ROSTER, actor=tri)
    clock.set(datetime(2026, 3, 4, 9, 30, 0, 250_000, tzinfo=SITE_ZONE))  # exactly 30 min: in time
    q.call_next(counters[0], actor=sup)
    clock.advance(0.001)  # one millisecond late
    q.call_next(counters[1], actor=sup)
    q.start(a.id, actor=sup)
    clock.set(datetime(2026, 3, 5, 0, 5, tzinfo=SITE_ZONE))  # after midnight: still the 4th's token
    q.complete(a.id, actor=sup)
    m = MetricsService(any_store, clock, SITE_ID).day(date(2026, 3, 4))
    assert m.service_level == pytest.approx(0.5)
    assert m.wait.count == 2 and m.wait.median == pytest.approx(30.0 + 0.001 / 120, abs=1e-6)
    assert m.served == 1 and m.served_per_hour[23] == 1 and m.issued_per_hour[9] == 2
    assert b.id != a.id
