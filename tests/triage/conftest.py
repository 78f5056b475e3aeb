"""The triage page tests' hub (tests/registry's seeded database and live hub), configuration and context."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from console.context import AppContext
from db.engine import Store
from db.models import Role
from services.clock import FixedClock
from services.config import Config
from services.queue import QueueService
from services.roles import Actor
from tests.registry.conftest import hub_db, live_hub  # noqa: F401 - fixtures, used by name
from tests.registry.live_hub import KEY, LiveHub
from tests.terminal.conftest import Terminal, serve_terminal


@pytest.fixture
def hub(live_hub: LiveHub) -> LiveHub:  # noqa: F811 - tests/registry's fixture, asked for by name
    """The hub on loopback over the session's seeded database (tests/registry's); a test may stop and start it."""
    return live_hub


def hub_config(hub: LiveHub) -> Config:
    """A console configuration that talks to ``hub`` and gives up fast when it is down."""
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key = hub.url, KEY
    cfg.hub.connect_timeout, cfg.hub.read_timeout, cfg.hub.retries = 0.5, 2.0, 0
    return cfg


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext], hub: LiveHub) -> AppContext:
    """A triage assistant's console wired to the hub."""
    return make_ctx(hub_config(hub), Actor("triage", Role.TRIAGE))


@pytest.fixture
def terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[Terminal]:
    """The counter terminal over the same site store as the triage page (the DEO's side)."""
    yield from serve_terminal(store, clock, site, queue)
