"""Several OS processes issuing and calling on one database at once (SQLite file and PostgreSQL).

Every token must be claimed by exactly one counter and every number drawn exactly once.
"""

from __future__ import annotations

from collections import Counter as Tally
from datetime import datetime

import pytest
from sqlalchemy import select

from db.engine import Store
from db.migrate import upgrade
from db.models import Role, Token, TokenEvent, TokenState, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.provision import ensure_site, seed_demo
from services.roles import Actor
from services.site import SiteService
from tests.conftest import SITE_ID
from tests.queue._workers import issue_then_drain
from tests.queue.processes import race

AT = datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE)
WORKERS = 2
PER_WORKER = 100  # 200 tokens in all


def _race(url: str) -> None:
    store = Store.open(url)
    try:
        clock = FixedClock(AT)
        ensure_site(store, SITE_ID, "DRC Bagh")
        counters = seed_demo(store, clock, SITE_ID, WORKERS)
        site = SiteService(store, clock, SITE_ID)
        for cid in counters:
            site.set_served_types(cid, [UpdateType.ROSTER, UpdateType.MISSED_OUT], actor=Actor("admin", Role.ADMIN))

        results = race(issue_then_drain, [(url, SITE_ID, cid, PER_WORKER, AT.isoformat()) for cid in counters])
        assert [r[3] for r in results] == [None] * WORKERS, results

        # Issuing: every number drawn once, 1..n per type, no gaps.
        numbers = [n for r in results for n in r[1]]
        assert len(numbers) == len(set(numbers)) == WORKERS * PER_WORKER
        for prefix in ("R", "M"):
            seqs = sorted(int(n[2:]) for n in numbers if n.startswith(prefix))
            assert seqs == list(range(1, len(seqs) + 1))

        # Calling: every token claimed by exactly one counter, none lost.
        claimed = [tid for r in results for tid in r[2]]
        by_counter = {r[0]: set(r[2]) for r in results}
        with store.read() as s:
            tokens = {t.id: t for t in s.scalars(select(Token))}
            events = list(s.scalars(select(TokenEvent)))
        assert len(tokens) == WORKERS * PER_WORKER
        assert Tally(claimed) == Tally(tokens.keys())  # each id exactly once
        assert sum(1 for ids in by_counter.values() if ids) >= 2, "the processes did not overlap"
        for tid, t in tokens.items():
            assert t.state is TokenState.COMPLETED
            assert tid in by_counter[t.counter_id]  # the database agrees with who claimed it
        calls = Tally(e.token_id for e in events if e.kind == "called")
        assert calls == Tally(tokens.keys())
        assert sorted(t.number for t in tokens.values()) == sorted(numbers)
    finally:
        store.dispose()


def test_processes_race_on_sqlite(sqlite_url: str) -> None:
    _race(sqlite_url)


@pytest.mark.postgres
def test_processes_race_on_postgres(pg_url: str) -> None:
    upgrade(pg_url)
    _race(pg_url)
