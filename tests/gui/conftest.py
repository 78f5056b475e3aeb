"""A real console context (real store, real services, Qt adapters) for page tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.app import build_context
from console.context import AppContext
from db.engine import Store
from services.clock import FixedClock
from services.config import Config
from services.roles import Actor
from tests.conftest import SITE_ID


@pytest.fixture
def ctx(qapp, store: Store, clock: FixedClock, site: list[int], supervisor: Actor) -> Iterator[AppContext]:
    """An AppContext on the demo site, signed in as supervisor; shut down cleanly after the test."""
    cfg = Config()
    cfg.site.id = SITE_ID
    context = build_context(cfg, store, clock, supervisor, poll_ms=200)
    yield context
    context.events.stop()
    context.tasks.shutdown()
