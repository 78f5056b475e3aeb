"""Dashboard fixtures: a migrated template database per test and a running AppContext."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.app import build_context
from console.context import AppContext
from db.engine import Store
from services.clock import FixedClock
from services.config import Config
from services.roles import Actor


@pytest.fixture
def ctx(qapp: object, store: Store, clock: FixedClock, site: list[int], supervisor: Actor) -> Iterator[AppContext]:
    """The console's services and workers over the demo site; workers stopped afterwards."""
    context = build_context(Config(), store, clock, supervisor, poll_ms=60_000)
    yield context
    context.events.stop()
    context.tasks.shutdown(wait=True)
