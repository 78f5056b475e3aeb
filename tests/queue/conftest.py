"""Queue fixtures: a migrated template database copied per test, DEO actors, small helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from db.engine import Store
from db.models import Counter, Role, Staff, Token, TokenEvent
from services.queue import QueueService, TokenView
from services.roles import Actor
from services.site import SiteService
from tests.conftest import SITE_ID


def deo_for(store: Store, site: SiteService, counter_id: int) -> Actor:
    """The DEO actor assigned to ``counter_id`` today."""
    view = next(c for c in site.counters() if c.id == counter_id)
    assert view.staff_id is not None
    with store.read() as s:
        username = s.scalar(select(Staff.username).where(Staff.id == view.staff_id))
    assert username is not None
    return Actor(username, Role.DEO, view.staff_id)


@pytest.fixture
def site_service(store: Store, clock, site: list[int]) -> SiteService:
    """The site service over the demo site."""
    return SiteService(store, clock, SITE_ID)


@pytest.fixture
def deo(store: Store, site_service: SiteService) -> Callable[[int], Actor]:
    """``deo(counter_id)``: the DEO assigned to that counter."""
    return lambda counter_id: deo_for(store, site_service, counter_id)


def event_count(store: Store) -> int:
    """How many TokenEvent rows exist."""
    with store.read() as s:
        return int(s.scalar(select(func.count(TokenEvent.id))) or 0)


def last_event(store: Store) -> TokenEvent:
    """The newest TokenEvent (detached)."""
    with store.read() as s:
        ev = s.scalar(select(TokenEvent).order_by(TokenEvent.id.desc()).limit(1))
        assert ev is not None
        return ev


def streaks(store: Store) -> dict[int, int]:
    """Every counter's priority streak."""
    with store.read() as s:
        return {c.id: c.priority_streak for c in s.scalars(select(Counter))}


class Snapshot:
    """Everything a refused action must leave untouched: all tokens, event count, counter streaks."""

    def __init__(self, queue: QueueService, store: Store) -> None:
        self.queue, self.store = queue, store
        self.before = self._take()

    def _take(self) -> tuple[list[TokenView], int, dict[int, int]]:
        with self.store.read() as s:
            tokens = [TokenView.of(t) for t in s.scalars(select(Token).order_by(Token.id))]
        return tokens, event_count(self.store), streaks(self.store)

    def assert_unchanged(self) -> None:
        """Fail if any token, the event log or a counter streak differs from the snapshot."""
        assert self._take() == self.before
