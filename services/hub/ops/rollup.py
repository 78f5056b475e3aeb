"""Roll token events up into the figures the regional API reads: one pure function, used by
ingestion (inside the ingest transaction) and by ``drc-hub simulate-network`` alike.

Each token's history is first checked against the site's own state machine
(``services.queue.replay``): an impossible history (``completed`` before ``issued``, a call of a
finished token ...) is kept in the raw events but flagged, counted in the day's data health and
left out of every KPI.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, cast

from services.clock import SITE_ZONE
from services.deo_ids import deo_pseudonym
from services.queue.replay import EventLike, ReplayError, replay
from services.queue.states import Action

# Upper bounds (minutes) of the wait/service histogram buckets; the last bucket is open.
BUCKET_EDGES = (5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240)
BUCKETS = len(BUCKET_EDGES) + 1
# Tie-break for events stamped the same instant: the order a token lives through them.
_RANK = {"issued": 0, "printed": 1, "verified": 1, "transferred": 2, "carried_over": 2, "called": 3,
         "recalled": 4, "started": 5, "completed": 6, "no_show": 6, "cancelled": 6}


class HubEvent(NamedTuple):
    """The fields of an ingested event the roll-up reads (``at`` is naive UTC)."""

    site_id: str
    token_id: int
    kind: str
    at: datetime
    update_type: str
    actor: str
    counter: int | None
    payload: dict[str, Any]
    operator: str | None = None  # the DEO on the counter; None (older sites): the actor

    @property
    def deo(self) -> str:
        """Whose work the event is: the operator when the site sent one, else the actor."""
        return self.operator or self.actor


def bucket(minutes: float) -> int:
    """The histogram bucket of a duration in minutes."""
    return bisect_right(BUCKET_EDGES, minutes)


def median_from_histogram(hist: list[int]) -> float | None:
    """The median (minutes) of a bucketed histogram, interpolated inside its bucket."""
    total = sum(hist)
    if not total:
        return None
    half, seen = total / 2, 0
    for i, n in enumerate(hist):
        if seen + n >= half and n:
            low = BUCKET_EDGES[i - 1] if i else 0
            high = BUCKET_EDGES[i] if i < len(BUCKET_EDGES) else low * 1.5
            return round(low + (high - low) * (half - seen) / n, 1)
        seen += n
    return None


@dataclass
class ServiceCounts:
    """What happened at the counters: calls, services, no-shows and service time (every roll-up has them)."""

    called: int = 0
    served: int = 0
    no_show: int = 0
    service_sum_s: int = 0
    service_n: int = 0


@dataclass
class Cell(ServiceCounts):
    """Counts and time sums of one site x day x hour x update type (also one site x day)."""

    issued: int = 0
    wait_sum_s: int = 0
    wait_n: int = 0
    wait_hist: list[int] = field(default_factory=lambda: [0] * BUCKETS)
    service_hist: list[int] = field(default_factory=lambda: [0] * BUCKETS)

    def add_wait(self, seconds: float) -> None:
        """One token's wait from issue to first call."""
        self.wait_sum_s += round(seconds)
        self.wait_n += 1
        self.wait_hist[bucket(seconds / 60)] += 1

    def add_service(self, seconds: float) -> None:
        """One token's service from start to completion."""
        self.service_sum_s += round(seconds)
        self.service_n += 1
        self.service_hist[bucket(seconds / 60)] += 1


@dataclass
class DeoCell(ServiceCounts):
    """One DEO's day at a site."""


@dataclass
class DayHealth:
    """Data health of one site x day: what came in and what could not be trusted."""

    events: int = 0
    tokens: int = 0
    flagged_tokens: int = 0
    last_event_at: datetime | None = None


@dataclass
class RollUp:
    """Everything the roll-up tables hold for some site-days."""

    hours: dict[tuple[str, date, int, str], Cell] = field(default_factory=lambda: defaultdict(Cell))
    days: dict[tuple[str, date], Cell] = field(default_factory=lambda: defaultdict(Cell))
    deos: dict[tuple[str, date, str], DeoCell] = field(default_factory=lambda: defaultdict(DeoCell))
    health: dict[tuple[str, date], DayHealth] = field(default_factory=lambda: defaultdict(DayHealth))
    flagged: list[tuple[str, date, int, str]] = field(default_factory=list)


class _Replayable(NamedTuple):
    id: int
    token_id: int
    kind: str
    at: datetime
    counter_id: int | None
    payload: dict[str, Any]


@lru_cache(maxsize=4096)
def _offset(day: date) -> timedelta:
    # Asia/Karachi keeps one offset all year; asking once per UTC day keeps zoneinfo off the hot path.
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return noon.astimezone(SITE_ZONE).utcoffset() or timedelta(0)


def local_time(at: datetime) -> datetime:
    """A naive-UTC instant as naive local (site zone) time."""
    return at + _offset(at.date())


def check_history(events: list[HubEvent]) -> str | None:
    """Why one token's events (in order) are not a legal history, or None if they are."""
    try:
        replay(cast(EventLike, _Replayable(i, 0, ev.kind, ev.at.replace(tzinfo=UTC), ev.counter, ev.payload))
               for i, ev in enumerate(events))
    except ReplayError as exc:
        return str(exc).replace("token 0", "the token")
    except (KeyError, ValueError) as exc:
        return f"an event lacks what the state machine needs ({exc})"
    return None


def ordered(events: Iterable[HubEvent]) -> dict[tuple[str, int], list[HubEvent]]:
    """Events grouped per (site, token), each group in the order the token lived it."""
    tokens: dict[tuple[str, int], list[HubEvent]] = defaultdict(list)
    for ev in events:
        tokens[(ev.site_id, ev.token_id)].append(ev)
    for evs in tokens.values():
        evs.sort(key=lambda e: (e.at, _RANK.get(e.kind, 1)))
    return tokens


def roll_up(events: Iterable[HubEvent], days: set[date] | None = None) -> RollUp:
    """Fold events into roll-up cells; only cells of ``days`` are kept (None: every day seen).

    Pass every event of the tokens concerned (a carried-over token's earlier days too), so each
    history is judged whole; each event counts in the cell of its own local day and hour.
    """
    out = RollUp()
    for (site_id, token_id), evs in ordered(events).items():
        reason = check_history(evs)
        for ev in evs:
            local = local_time(ev.at)
            if days is not None and local.date() not in days:
                continue
            health = out.health[(site_id, local.date())]
            health.events += 1
            if health.last_event_at is None or ev.at > health.last_event_at:
                health.last_event_at = ev.at
        issue_day = local_time(evs[0].at).date()
        if days is None or issue_day in days:
            out.health[(site_id, issue_day)].tokens += 1
            if reason is not None:
                out.health[(site_id, issue_day)].flagged_tokens += 1
                out.flagged.append((site_id, issue_day, token_id, reason))
        if reason is None:
            _count(out, site_id, evs, days)
    return out


def _count(out: RollUp, site_id: str, events: list[HubEvent], days: set[date] | None) -> None:
    """Add one legal history to the cells."""
    issued_at: datetime | None = None
    started_at: datetime | None = None
    waited = False
    for ev in events:
        local = local_time(ev.at)
        day = local.date()
        if ev.kind == Action.ISSUE.value:
            issued_at = ev.at
        elif ev.kind == Action.START.value:
            started_at = ev.at
        if ev.kind not in _COUNTED or (days is not None and day not in days):
            continue
        cells = (out.hours[(site_id, day, local.hour, ev.update_type)], out.days[(site_id, day)])
        deo = out.deos[(site_id, day, deo_pseudonym(site_id, ev.deo))] if ev.kind in _AT_COUNTER else None
        for c in cells:
            setattr(c, _COUNTED[ev.kind], getattr(c, _COUNTED[ev.kind]) + 1)
        if deo is not None:
            setattr(deo, _COUNTED[ev.kind], getattr(deo, _COUNTED[ev.kind]) + 1)
        if ev.kind == Action.CALL.value and not waited and issued_at is not None \
                and local_time(issued_at).date() == day:
            waited = True
            for c in cells:
                c.add_wait((ev.at - issued_at).total_seconds())
        elif ev.kind == Action.COMPLETE.value and started_at is not None and deo is not None:
            secs = (ev.at - started_at).total_seconds()
            for c in cells:
                c.add_service(secs)
            deo.service_sum_s += round(secs)
            deo.service_n += 1


# Event kind -> the counter it adds to; the DEO-side ones also count for the operator (the DEO on the counter).
_COUNTED = {Action.ISSUE.value: "issued", Action.CALL.value: "called", Action.COMPLETE.value: "served",
            Action.NO_SHOW.value: "no_show"}
_AT_COUNTER = frozenset({Action.CALL.value, Action.COMPLETE.value, Action.NO_SHOW.value})


_CELL_INTS = tuple(f.name for f in fields(Cell) if f.name not in ("wait_hist", "service_hist"))
_DEO_INTS = tuple(f.name for f in fields(DeoCell))


def _fold_cell(into: Cell, other: Cell, sign: int) -> None:
    for name in _CELL_INTS:
        setattr(into, name, getattr(into, name) + sign * getattr(other, name))
    into.wait_hist = [a + sign * b for a, b in zip(into.wait_hist, other.wait_hist, strict=True)]
    into.service_hist = [a + sign * b for a, b in zip(into.service_hist, other.service_hist, strict=True)]


def _fold(into: RollUp, other: RollUp, sign: int) -> None:
    """Add (sign 1) or take away (sign -1) ``other``'s cells; health's ``last_event_at`` only grows."""
    for key, cell in other.hours.items():
        _fold_cell(into.hours[key], cell, sign)
    for day_key, cell in other.days.items():
        _fold_cell(into.days[day_key], cell, sign)
    for deo_key, deo in other.deos.items():
        mine = into.deos[deo_key]
        for name in _DEO_INTS:
            setattr(mine, name, getattr(mine, name) + sign * getattr(deo, name))
    for day_key, health in other.health.items():
        held = into.health[day_key]
        held.events += sign * health.events
        held.tokens += sign * health.tokens
        held.flagged_tokens += sign * health.flagged_tokens
        if sign > 0 and health.last_event_at is not None and (
                held.last_event_at is None or health.last_event_at > held.last_event_at):
            held.last_event_at = health.last_event_at


def roll_forward(held: RollUp, before: RollUp, after: RollUp) -> RollUp:
    """The roll-ups once some tokens' histories grew: ``held - before + after``.

    ``before`` and ``after`` are ``roll_up`` of those tokens' whole histories without and with
    the new events; ``held`` is what the tables hold for the site-days they touch. Every figure is a
    sum over tokens, so the result equals rolling every token of those days up again. A flagged
    token's entry is replaced by what ``after`` says of it; cells left without a count disappear,
    as a full roll-up would never have made them.
    """
    out = RollUp()
    _fold(out, held, 1)
    _fold(out, before, -1)
    _fold(out, after, 1)
    out.hours = defaultdict(Cell, {k: c for k, c in out.hours.items() if c.issued or c.called or c.served
                                   or c.no_show})
    out.deos = defaultdict(DeoCell, {k: c for k, c in out.deos.items() if c.called or c.served or c.no_show})
    grown = {(s, t) for s, _d, t, _why in before.flagged} | {(s, t) for s, _d, t, _why in after.flagged}
    out.flagged = [f for f in held.flagged if (f[0], f[2]) not in grown] + after.flagged
    return out
