"""Metrics fixtures: a migrated template database copied per test, DEO actors, a clock helper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import select

from db.engine import Store
from db.models import Role, Staff
from services.clock import SITE_ZONE, FixedClock
from services.roles import Actor
from services.site import SiteService
from tests.conftest import SITE_ID


@pytest.fixture
def site_service(store: Store, clock: FixedClock, site: list[int]) -> SiteService:
    """The site service over the demo site."""
    return SiteService(store, clock, SITE_ID)


@pytest.fixture
def deo(store: Store, site_service: SiteService) -> Callable[[int], Actor]:
    """``deo(counter_id)``: the DEO assigned to that counter now."""

    def make(counter_id: int) -> Actor:
        view = next(c for c in site_service.counters() if c.id == counter_id)
        assert view.staff_id is not None
        with store.read() as s:
            username = s.scalar(select(Staff.username).where(Staff.id == view.staff_id))
        assert username is not None
        return Actor(username, Role.DEO, view.staff_id)

    return make


@pytest.fixture
def at(clock: FixedClock) -> Callable[..., None]:
    """``at(hh, mm, day=4)``: move the clock to that Pakistan time in March 2026."""

    def move(hh: int, mm: int, day: int = 4) -> None:
        clock.set(datetime(2026, 3, day, hh, mm, tzinfo=SITE_ZONE))

    return move
