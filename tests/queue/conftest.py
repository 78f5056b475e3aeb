"""Queue fixtures: a migrated template database copied per test, DEO actors, small helpers."""

from __future__ import annotations

from sqlalchemy import func, select

from db.engine import Store
from db.models import Counter, Token, TokenEvent
from services.queue import QueueService, TokenView


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
