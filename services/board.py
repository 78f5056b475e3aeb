"""The read model of the now-serving board: latest calls and waiting counts (Qt-free)."""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from db.engine import Store
from db.models import Counter, Token, TokenEvent, TokenState, UpdateType
from services.clock import Clock, business_day, day_bounds_utc
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR

CALL_KINDS = ("called", "recalled")
GONE_KINDS = ("no_show", "transferred")
"""Events after which a token's call no longer stands: a no-show left, a transfer sends it back to wait."""
_STANDING = (TokenState.CALLED, TokenState.IN_SERVICE, TokenState.COMPLETED)

UPDATE_TYPE_NAMES: dict[UpdateType, tuple[str, str]] = {
    t: (UPDATE_TYPE_EN[t], UPDATE_TYPE_UR[t]) for t in UpdateType
}
"""English and Urdu names of the update types, as the hall reads them."""


@dataclass(frozen=True)
class BoardCall:
    """One call as the hall sees it."""

    token_id: int
    number: str
    counter: int
    at: datetime
    recalled: bool = False


@dataclass(frozen=True)
class BoardSnapshot:
    """Everything the board shows, loaded in one read."""

    calls: list[BoardCall]
    waiting: dict[UpdateType, int]
    counter_numbers: dict[int, int]
    served_types: frozenset[UpdateType]


class BoardFeed:
    """Loads the board's snapshot for one site."""

    def __init__(self, store: Store, clock: Clock, site_id: str) -> None:
        self.store = store
        self.clock = clock
        self.site_id = site_id

    def snapshot(self, limit: int = 8, day: date | None = None) -> BoardSnapshot:
        """The newest ``limit`` calls of the day (one per token, newest first) and waiting counts.

        Calls of no-shows and of tokens sent back to wait (transferred) are left out: the hall must not
        look for a visitor who is gone, nor send one to a counter that no longer expects them.
        """
        day = day or business_day(self.clock.now())
        start, end = day_bounds_utc(day)
        with self.store.read() as s:
            counters = s.execute(select(Counter.id, Counter.number, Counter.served_types)
                                 .where(Counter.site_id == self.site_id)).all()
            numbers = {cid: num for cid, num, _ in counters}
            served = frozenset(UpdateType(t) for _, _, types in counters for t in (types or []))
            rows = s.execute(
                select(TokenEvent.token_id, TokenEvent.kind, TokenEvent.at, TokenEvent.counter_id, Token.number)
                .join(Token, Token.id == TokenEvent.token_id)
                .where(TokenEvent.site_id == self.site_id, TokenEvent.kind.in_(CALL_KINDS),
                       Token.state.in_(_STANDING),
                       TokenEvent.at >= start, TokenEvent.at < end, TokenEvent.counter_id.is_not(None))
                .order_by(TokenEvent.id.desc()).limit(limit * 4)
            ).all()
            waiting = Tally(s.scalars(select(Token.update_type).where(
                Token.site_id == self.site_id, Token.business_day == day, Token.state == TokenState.WAITING)))
        calls: list[BoardCall] = []
        seen: set[int] = set()
        for token_id, kind, at, counter_id, number in rows:
            if token_id in seen:
                continue
            seen.add(token_id)
            calls.append(BoardCall(token_id, number, numbers.get(counter_id or 0, 0), at, kind == "recalled"))
            if len(calls) == limit:
                break
        return BoardSnapshot(calls, {t: waiting.get(t, 0) for t in UpdateType}, numbers, served)
