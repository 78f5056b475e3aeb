"""Looking back over a site's days: KPI trends, the network view, counter utilisation, the wait promise.

What the supervisor's dashboard and the daily report show beside one day's figures (Qt-free;
call from a worker). Each piece reads the store once:

- :func:`trends`: issued, served, median wait, service level and no-show rate per day, over the
  7 or 30 days up to a day (one event load, ``services.metrics.compute_day`` per day);
- :func:`network_view`: per hour, the tokens issued without the registry (verified late or never)
  and whether the hub was unreachable then (such tokens, or outbox work that waited over
  :data:`OFFLINE_DELAY`);
- :func:`counter_utilisation`: per counter, minutes serving (call to close), on break (paused,
  from the audit trail of counter states) and idle (the rest of the time it was open);
- :func:`promise_check`: the wait promise per update type (``services.queue.promise.check``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from db.engine import Store
from db.models import AuditEntry, Counter, OutboxItem, Token, TokenEvent, Verification
from services.clock import SITE_ZONE
from services.metrics import TokenFrame, compute_day, load_events
from services.queue import QueueReads
from services.queue.promise import PromiseCheck, check

OFFLINE_DELAY = timedelta(minutes=5)
"""Outbox work that waited longer than this to reach the hub marks its hour as offline."""
OPEN_HOURS = range(8, 18)
"""Hours of the network view (local time); the site's day, with an hour's margin each side."""


@dataclass(frozen=True)
class DayTrend:
    """One day's headline KPIs (None where the day had nothing to measure)."""

    day: date
    issued: int
    served: int
    median_wait_min: float | None
    service_level: float | None
    no_show_rate: float | None


def trends(store: Store, site_id: str, last: date, days: int, *, now: datetime,
           service_level_minutes: float = 30.0) -> list[DayTrend]:
    """The ``days`` days up to and including ``last``, oldest first (closed days show zeros)."""
    first = last - timedelta(days=days - 1)
    log = load_events(store, site_id, first, last)
    frame = TokenFrame.of(log)
    out = []
    for n in range(days):
        d = first + timedelta(days=n)
        m = compute_day(log, site_id, d, now=now, service_level_minutes=service_level_minutes, frame=frame)
        out.append(DayTrend(d, m.issued, m.served, m.wait.median, m.service_level, m.no_show_rate))
    return out


@dataclass(frozen=True)
class NetworkHour:
    """One local hour: tokens issued without the registry, and whether the hub was out of reach."""

    hour: int
    unverified: int
    offline: bool


def _local_hour(at: datetime) -> int:
    return at.astimezone(SITE_ZONE).hour


def network_view(store: Store, site_id: str, day: date) -> list[NetworkHour]:
    """Per hour of the site's day: unverified tokens and hub-offline hours (from tokens, events, outbox)."""
    start = datetime.combine(day, time(0), tzinfo=SITE_ZONE)
    end = start + timedelta(days=1)
    with store.read() as s:
        still = s.execute(select(Token.issued_at).where(
            Token.site_id == site_id, Token.business_day == day, Token.verification == Verification.UNVERIFIED)).all()
        late = s.execute(
            select(Token.issued_at, TokenEvent.payload)
            .join(TokenEvent, (TokenEvent.token_id == Token.id) & (TokenEvent.kind == "verified"))
            .where(Token.site_id == site_id, Token.business_day == day)).all()
        waited = s.execute(select(OutboxItem.created_at, OutboxItem.sent_at).where(
            OutboxItem.created_at >= start, OutboxItem.created_at < end, OutboxItem.kind != "events_cursor")).all()
    unverified: dict[int, int] = {}
    for (at,) in still:
        unverified[_local_hour(at)] = unverified.get(_local_hour(at), 0) + 1
    for at, payload in late:
        if (payload or {}).get("late"):
            unverified[_local_hour(at)] = unverified.get(_local_hour(at), 0) + 1
    offline = set(unverified)
    for created, sent in waited:
        if (sent or end) - created > OFFLINE_DELAY:
            offline.add(_local_hour(created))
    hours = sorted(set(OPEN_HOURS) | offline)
    return [NetworkHour(h, unverified.get(h, 0), h in offline) for h in hours]


@dataclass(frozen=True)
class CounterUse:
    """Minutes a counter spent serving, on break and idle while open during the day."""

    counter_id: int
    number: int
    label: str
    serving_min: float
    break_min: float
    idle_min: float

    @property
    def serving_share(self) -> float | None:
        """Serving as a share of the open time (None when the counter was never open)."""
        total = self.serving_min + self.break_min + self.idle_min
        return None if total <= 0 else self.serving_min / total


def _state_spans(changes: list[tuple[datetime, str]], start: datetime, end: datetime,
                 initial: str) -> dict[str, float]:
    """Minutes in each state between ``start`` and ``end`` given the (time, new state) changes."""
    spans: dict[str, float] = {}
    state, since = initial, start
    for changed, new in sorted(changes):
        at = min(max(changed, start), end)
        spans[state] = spans.get(state, 0.0) + (at - since).total_seconds() / 60
        state, since = new, at
    spans[state] = spans.get(state, 0.0) + (end - since).total_seconds() / 60
    return spans


def counter_utilisation(store: Store, site_id: str, day: date, *, now: datetime) -> list[CounterUse]:
    """Per counter: serving (call to close of each token), break (paused) and idle time in the day's window.

    The window runs from the day's first token event to its last (or ``now`` while the day runs).
    A counter's state at the window's start is its last recorded change before it (open if none).
    """
    with store.read() as s:
        counters = s.execute(select(Counter.id, Counter.number, Counter.label)
                             .where(Counter.site_id == site_id).order_by(Counter.number)).all()
        served = s.execute(select(Token.counter_id, Token.called_at, Token.closed_at).where(
            Token.site_id == site_id, Token.business_day == day, Token.counter_id.is_not(None),
            Token.called_at.is_not(None))).all()
        times = s.execute(select(TokenEvent.at).join(Token, TokenEvent.token_id == Token.id)
                          .where(Token.site_id == site_id, Token.business_day == day)).scalars().all()
        audit = s.execute(select(AuditEntry.at, AuditEntry.detail)
                          .where(AuditEntry.action == "counter_state").order_by(AuditEntry.id)).all()
    if not times:
        return [CounterUse(cid, num, label, 0.0, 0.0, 0.0) for cid, num, label in counters]
    start = min(times)
    last = max(times)
    end = last if now.astimezone(SITE_ZONE).date() != day else max(now, last)
    out = []
    for cid, num, label in counters:
        before = [d.get("state", "open") for at, d in audit if d.get("counter") == cid and at < start]
        changes = [(at, str(d.get("state", "open"))) for at, d in audit
                   if d.get("counter") == cid and start <= at <= end]
        spans = _state_spans(changes, start, end, before[-1] if before else "open")
        serving = 0.0
        for counter, called, closed in served:
            if counter == cid and called is not None:
                serving += ((closed or end) - called).total_seconds() / 60
        open_min = spans.get("open", 0.0)
        out.append(CounterUse(cid, num, label, round(serving, 1), round(spans.get("paused", 0.0), 1),
                              round(max(0.0, open_min - serving), 1)))
    return out


def promise_check(queue: QueueReads, day: date) -> list[PromiseCheck]:
    """How the wait promises of ``day``'s called tokens held, per update type."""
    return check(queue.promise_samples([day]))


@dataclass(frozen=True)
class DayHistory:
    """Everything the dashboard and the report show about ``day`` beyond its own KPIs."""

    day: date
    trend_30: list[DayTrend]
    network: list[NetworkHour]
    counters: list[CounterUse]
    promise: list[PromiseCheck]

    @property
    def trend_7(self) -> list[DayTrend]:
        """The last 7 of the 30 days."""
        return self.trend_30[-7:]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready sections for the daily report."""
        def trend(rows: list[DayTrend]) -> list[dict[str, Any]]:
            return [{**asdict(t), "day": t.day.isoformat(),
                     "median_wait_min": _r(t.median_wait_min), "service_level": _r(t.service_level, 3),
                     "no_show_rate": _r(t.no_show_rate, 3)} for t in rows]
        return {
            "trend_7": trend(self.trend_7),
            "trend_30": trend(self.trend_30),
            "network": [asdict(h) for h in self.network],
            "counter_utilisation": [{**asdict(c), "serving_share": _r(c.serving_share, 3)} for c in self.counters],
            "wait_promise": [p.as_dict() for p in self.promise],
        }


def _r(v: float | None, nd: int = 1) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else round(v, nd)


def day_history(store: Store, queue: QueueReads, site_id: str, day: date, *, now: datetime,
                service_level_minutes: float = 30.0) -> DayHistory:
    """All of it for ``day`` (on the database worker)."""
    return DayHistory(day, trends(store, site_id, day, 30, now=now, service_level_minutes=service_level_minutes),
                      network_view(store, site_id, day), counter_utilisation(store, site_id, day, now=now),
                      promise_check(queue, day))
