"""A first end-to-end pass through the queue on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from db.engine import Store
from db.migrate import upgrade
from db.models import TokenState, UpdateType
from services.provision import ensure_site, seed_demo
from services.queue import QueueService
from tests.conftest import SITE_ID


def _serve_one(queue: QueueService, counter: int, supervisor, triage_actor) -> None:
    t = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    assert t.number == "R-001"
    called = queue.call_next(counter, actor=supervisor)
    assert called is not None and called.id == t.id and called.state is TokenState.CALLED
    queue.start(t.id, actor=supervisor)
    done = queue.complete(t.id, actor=supervisor)
    assert done.state is TokenState.COMPLETED
    assert [e.kind for e in queue.events()] == ["issued", "called", "started", "completed"]


def test_serve_one_sqlite(queue, site, supervisor, triage_actor):
    _serve_one(queue, site[0], supervisor, triage_actor)


@pytest.mark.postgres
def test_serve_one_postgres(pg_url, clock, supervisor, triage_actor):
    upgrade(pg_url)
    store = Store.open(pg_url)
    try:
        ensure_site(store, SITE_ID, "DRC Bagh")
        counters = seed_demo(store, clock, SITE_ID, 2)
        _serve_one(QueueService(store, clock, SITE_ID), counters[0], supervisor, triage_actor)
    finally:
        store.dispose()
