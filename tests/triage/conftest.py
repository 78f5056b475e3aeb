"""A seeded hub for the triage page tests (same helper as tests/registry)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.engine import Store
from services.clock import FixedClock
from services.queue import QueueService
from tests.registry.live_hub import LiveHub, seeded_hub_db
from tests.terminal.conftest import Terminal, serve_terminal


@pytest.fixture(scope="session")
def hub_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One seeded hub database for the session, as of the clock fixture's day."""
    return seeded_hub_db(tmp_path_factory.mktemp("hub"))


@pytest.fixture
def hub(hub_db: str) -> Iterator[LiveHub]:
    """A hub on loopback over the session's seeded database; a test may stop and start it."""
    h = LiveHub(hub_db).start()
    yield h
    h.stop()


@pytest.fixture
def terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[Terminal]:
    """The counter terminal over the same site store as the triage page (the DEO's side)."""
    yield from serve_terminal(store, clock, site, queue)
