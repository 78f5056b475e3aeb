"""Each offline identity check reaches the registry once: two consoles at once, and consoles killed mid-drain.

Finding (#12): two consoles on one site database each ran all 150 checks, and kills mid-drain left
tokens verified twice. The consoles here are separate processes on one database (SQLite file or
PostgreSQL); the registry is a counting server on loopback.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Store
from db.migrate import upgrade
from db.models import OutboxItem, TokenEvent, UpdateType
from services.clock import FixedClock
from services.provision import ensure_site, seed_demo
from services.queue import QueueService
from services.registry.outbox import VERIFY, queue_verification
from services.roles import SYSTEM
from tests.security.counting_registry import CountingRegistry

ROOT = Path(__file__).resolve().parents[2]
SITE = "PK10101-01"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated site database: a SQLite file, or a fresh PostgreSQL database."""
    url = f"sqlite:///{tmp_path / 'site.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    upgrade(url)
    return url


@pytest.fixture
def registry() -> Iterator[CountingRegistry]:
    """The counting registry, with a short think time per check."""
    reg = CountingRegistry(delay=0.01)
    yield reg
    reg.stop()


def _offline_tokens(url: str, clock: FixedClock, n: int) -> list[str]:
    """``n`` tokens issued while the registry was unreachable, each with a queued check; their CNICs."""
    store = Store.open(url)
    ensure_site(store, SITE, "DRC Bagh")
    seed_demo(store, clock, SITE, 2)
    queue = QueueService(store, clock, SITE)
    cnics = [f"35202{i:08d}" for i in range(n)]
    types = [UpdateType.ROSTER, UpdateType.SHOCK, UpdateType.CYCLIC, UpdateType.MISSED_OUT]
    for i, cnic in enumerate(cnics):
        queue.issue_token(types[i % len(types)], actor=SYSTEM, cnic=cnic, extra_outbox=queue_verification(cnic))
    store.dispose()
    return cnics


def _worker(url: str, registry: CountingRegistry, lease: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.security.drain_worker", url, registry.url, str(lease)],
                            env=env, cwd=ROOT)


def _verified_events_per_token(url: str) -> Counter[int]:
    store = Store.open(url)
    try:
        with store.read() as s:
            return Counter(s.scalars(select(TokenEvent.token_id).where(TokenEvent.kind == "verified")))
    finally:
        store.dispose()


def _outbox_left_with_cnic(url: str) -> tuple[int, int]:
    store = Store.open(url)
    try:
        with store.read() as s:
            items = s.scalars(select(OutboxItem).where(OutboxItem.kind == VERIFY)).all()
            return sum(1 for i in items if i.sent_at is None), sum(1 for i in items if "cnic" in (i.payload or {}))
    finally:
        store.dispose()


@pytest.mark.slow
def test_two_consoles_ask_the_registry_once_per_check(db_url: str, clock: FixedClock,
                                                      registry: CountingRegistry) -> None:
    cnics = _offline_tokens(db_url, clock, 150)
    consoles = [_worker(db_url, registry, 60.0) for _ in range(2)]
    assert [p.wait(90) for p in consoles] == [0, 0]
    assert registry.total() == 150 and set(registry.calls) == set(cnics)
    assert max(registry.calls.values()) == 1
    per_token = _verified_events_per_token(db_url)
    assert len(per_token) == 150 and set(per_token.values()) == {1}
    assert _outbox_left_with_cnic(db_url) == (0, 0)  # done, and the CNIC left the queue with it


@pytest.mark.slow
def test_consoles_killed_mid_drain_never_verify_twice(db_url: str, clock: FixedClock,
                                                      registry: CountingRegistry) -> None:
    cnics = _offline_tokens(db_url, clock, 60)
    rng = random.Random(12)
    kills = 0
    for _ in range(4):
        target = registry.total() + rng.randint(2, 10)
        proc = _worker(db_url, registry, 1.0)
        deadline = time.monotonic() + 30
        while registry.total() < target and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(10)
    assert kills >= 3
    last = _worker(db_url, registry, 1.0)
    assert last.wait(90) == 0
    per_token = _verified_events_per_token(db_url)
    assert len(per_token) == 60 and set(per_token.values()) == {1}, per_token
    assert set(registry.calls) == set(cnics)
    # Only a check in flight at the moment of a kill can be asked again: at most one per kill.
    assert registry.total() <= 60 + kills
    assert _outbox_left_with_cnic(db_url) == (0, 0)
