"""Token events of a site as numpy arrays, loaded with one query.

The arrays are the only thing the metric code reads, so the compute step can be timed and
tested without a database. Times are seconds since the epoch (UTC, float64).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import DateTime, Float, Integer, String, cast, func, select, type_coerce

from db.engine import Store
from db.models import Staff, Token, TokenEvent, TokenState, UpdateType

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
I8 = npt.NDArray[np.int8]
BOOL = npt.NDArray[np.bool_]

# Event kinds the metrics read; anything else (printed, verified, ...) is OTHER.
OTHER, ISSUED, CALLED, RECALLED, STARTED, COMPLETED, NO_SHOW, TRANSFERRED, CANCELLED, CARRIED_OVER = range(10)
KIND_CODES: dict[str, int] = {
    "issued": ISSUED, "called": CALLED, "recalled": RECALLED, "started": STARTED, "completed": COMPLETED,
    "no_show": NO_SHOW, "transferred": TRANSFERRED, "cancelled": CANCELLED, "carried_over": CARRIED_OVER,
}
TYPES: list[UpdateType] = list(UpdateType)
TYPE_CODES: dict[UpdateType, int] = {t: i for i, t in enumerate(TYPES)}
STATES: list[TokenState] = list(TokenState)
STATE_CODES: dict[TokenState, int] = {s: i for i, s in enumerate(STATES)}
# Lookups by member or by raw stored value (members are str enums, so both hash alike).
_TYPE_BY_VALUE: dict[Any, int] = {**{t.value: i for i, t in enumerate(TYPES)}, **TYPE_CODES}
_STATE_BY_VALUE: dict[Any, int] = {**{s.value: i for i, s in enumerate(STATES)}, **STATE_CODES}


def _ordinals(days: list[Any]) -> list[int]:
    """Proleptic ordinals of dates (or ISO strings, as SQLite may return them), cached per distinct day."""
    cache: dict[Any, int] = {}
    out = []
    for d in days:
        o = cache.get(d)
        if o is None:
            o = cache[d] = (d if isinstance(d, date) else date.fromisoformat(str(d))).toordinal()
        out.append(o)
    return out


@dataclass
class EventLog:
    """One row per event, with the columns of its token repeated (as loaded, in event-id order).

    ``actor`` and ``counter`` are small ints: ``actors[i]`` is the username, -1 means none. The
    loader fills ``actor`` with each event's *operator* (the DEO on the counter, see
    ``services.queue.operator``), so every per-DEO figure credits the DEO whose counter it was.
    """

    token: I64
    kind: I8
    at: F64
    actor: I32
    counter: I32
    tok_day: I64  # business day of the token as a proleptic ordinal (date.toordinal())
    tok_type: I8  # index into TYPES: the type the token waits for now
    tok_priority: BOOL
    tok_state: I8  # index into STATES: the token's state now
    actors: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # username -> full name (staff table)

    def __len__(self) -> int:
        return int(self.token.shape[0])

    @classmethod
    def empty(cls) -> EventLog:
        """A log with no events."""
        return cls.from_columns([], [], [], [], [], [], [], [], [])

    @classmethod
    def from_columns(
        cls, token: list[int], kind: list[str], at: list[float], actor: list[str], counter: list[int | None],
        tok_day: list[date], tok_type: list[UpdateType], tok_priority: list[bool], tok_state: list[TokenState],
        names: dict[str, str] | None = None,
    ) -> EventLog:
        """Build the arrays from Python columns (the loader and the benchmark use this)."""
        actors: dict[str, int] = {}
        actor_idx = [actors.setdefault(a, len(actors)) for a in actor]
        return cls(
            token=np.asarray(token, dtype=np.int64),
            kind=np.asarray([KIND_CODES.get(k, OTHER) for k in kind], dtype=np.int8),
            at=np.asarray(at, dtype=np.float64),
            actor=np.asarray(actor_idx, dtype=np.int32),
            counter=np.asarray([-1 if c is None else c for c in counter], dtype=np.int32),
            tok_day=np.asarray(_ordinals(tok_day), dtype=np.int64),
            tok_type=np.asarray([_TYPE_BY_VALUE[t] for t in tok_type], dtype=np.int8),
            tok_priority=np.asarray(tok_priority, dtype=np.bool_),
            tok_state=np.asarray([_STATE_BY_VALUE[s] for s in tok_state], dtype=np.int8),
            actors=list(actors), names=dict(names or {}),
        )


def _epoch_sql(store: Store, column: Any) -> Any:
    """Seconds since the epoch computed by the database: skips building 100,000 datetime objects."""
    raw = type_coerce(column, String) if store.is_sqlite else column
    if store.is_sqlite:
        # Stored as naive UTC text 'YYYY-MM-DD HH:MM:SS.ffffff': whole seconds plus the fraction,
        # exact to the microsecond (julianday() would round to tens of microseconds).
        return cast(func.strftime("%s", raw), Integer) + func.coalesce(cast(func.substr(raw, 20), Float), 0.0)
    return func.extract("epoch", type_coerce(column, DateTime()))


def load_events(store: Store, site_id: str, first_day: date, last_day: date) -> EventLog:
    """Every event of the tokens whose business day is in ``[first_day, last_day + 1]``, one query.

    The extra day catches tokens issued on ``last_day`` and carried over to the next day, so
    their issue still counts on the day they were issued. Rows come grouped by token, in event
    order, with enum and time columns read raw (the ORM conversions dominate otherwise).
    """
    q = (
        # Per-DEO figures credit the operator (the DEO on the counter), not whoever pressed the key.
        select(TokenEvent.token_id, TokenEvent.kind, _epoch_sql(store, TokenEvent.at),
               func.coalesce(TokenEvent.operator, TokenEvent.actor),
               TokenEvent.counter_id, Token.business_day, type_coerce(Token.update_type, String),
               Token.priority, type_coerce(Token.state, String))
        .join(Token, Token.id == TokenEvent.token_id)
        .where(Token.site_id == site_id, Token.business_day >= first_day,
               Token.business_day <= last_day + timedelta(days=1))
        .order_by(TokenEvent.token_id, TokenEvent.id)
    )
    with store.read() as s:
        # Core execution on the session's connection: plain tuples, no ORM row machinery.
        rows = s.connection().execute(q).all()
        names = {u: n for u, n in s.execute(select(Staff.username, Staff.full_name))}
    if not rows:
        log = EventLog.empty()
        log.names = names
        return log
    cols = list(zip(*rows, strict=True))
    return EventLog.from_columns(list(cols[0]), list(cols[1]), [float(x) for x in cols[2]], list(cols[3]),
                                 list(cols[4]), list(cols[5]), list(cols[6]), list(cols[7]), list(cols[8]), names)
