"""Drive a whole site day of arrivals and service through the real queue engine.

A discrete-event simulation on a :class:`FixedClock`: visitors arrive with a morning peak
(``services.demand``), counters call, recall, serve or mark no-show, and every step is a real
transaction. During a network outage DEOs cannot submit surveys, so counters call no one.
:func:`refusal` keeps the simulator out of a live database: it only writes into an empty store or
one it made itself, and never over a day that already has tokens.
"""

from __future__ import annotations

import heapq
import random
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from db.engine import Store
from db.models import Role, Site, Staff, Token, TokenState
from services.clock import SITE_ZONE, FixedClock, SystemClock, business_day
from services.demand import TYPE_MIX, arrival_offsets
from services.provision import ensure_site, seed_demo
from services.queue import QueuePolicy, QueueService
from services.roles import Actor
from services.site import SiteService

SIMULATED_NAME = "Simulated DRC"
"""The name simulate gives a site it creates; a store whose site is named otherwise is live."""


def refusal(store: Store, site_id: str, day: date) -> str | None:
    """Why simulating ``day`` for ``site_id`` in this store would touch real data (None: it is safe)."""
    with store.read() as s:
        sites = list(s.scalars(select(Site)))
        tokens = s.scalar(select(func.count(Token.id))) or 0
        on_day = s.scalar(select(func.count(Token.id)).where(Token.business_day == day)) or 0
        staff = s.scalar(select(func.count(Staff.id))) or 0
    other = [x.id for x in sites if x.id != site_id]
    if other:
        return f"the database belongs to site {other[0]}, not {site_id}"
    live = [x for x in sites if x.name != SIMULATED_NAME]
    if live or ((tokens or staff) and not sites):
        return f"the database holds live data ({tokens} tokens, {staff} staff); simulate only writes into a new " \
               "file or one it made itself"
    if on_day:
        return f"the database already holds {on_day} tokens on {day.isoformat()}; pick another --date"
    return None


@dataclass
class SimulationResult:
    """What a simulated day produced."""

    day: date
    issued: int = 0
    completed: int = 0
    no_show: int = 0
    still_open: int = 0
    waits_min: list[float] = field(default_factory=list)
    per_counter: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """A few lines a person can read."""
        med = statistics.median(self.waits_min) if self.waits_min else 0.0
        p90 = statistics.quantiles(self.waits_min, n=10)[-1] if len(self.waits_min) >= 2 else med
        lines = [
            f"Simulated day {self.day.isoformat()}",
            f"  tokens issued : {self.issued}",
            f"  completed     : {self.completed}",
            f"  no-show       : {self.no_show}",
            f"  still open    : {self.still_open}",
            f"  wait (issue->call) median {med:.1f} min, p90 {p90:.1f} min",
        ]
        lines += [f"  {label:<13} : {n} served" for label, n in sorted(self.per_counter.items())]
        return "\n".join(lines)


def simulate_day(
    store: Store,
    *,
    tokens: int,
    counters: int,
    seed: int,
    day: date | None = None,
    site_id: str = "PK10101-01",
    no_show_rate: float = 0.05,
    priority_rate: float = 0.08,
    outage_hours: tuple[int, ...] = (),
) -> SimulationResult:
    """Run one day with ``tokens`` arrivals and ``counters`` counters; deterministic for a seed.

    ``outage_hours`` are local hours without the network: counters call no one until it is back.
    """
    rng = random.Random(seed)
    day = day or business_day(SystemClock().now())
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=SITE_ZONE)
    clock = FixedClock(start)
    ensure_site(store, site_id, SIMULATED_NAME)
    counter_ids = seed_demo(store, clock, site_id, counters)
    queue = QueueService(store, clock, site_id, QueuePolicy())
    views = {c.id: c for c in SiteService(store, clock, site_id).counters(day)}
    with store.read() as s:
        usernames = {st.id: st.username for st in s.scalars(select(Staff))}
    deo = {
        cid: Actor(usernames[views[cid].staff_id], Role.DEO, views[cid].staff_id)  # type: ignore[index]
        for cid in counter_ids
    }
    triage = Actor("triage", Role.TRIAGE)
    types, weights = zip(*TYPE_MIX.items(), strict=True)

    events: list[tuple[datetime, int, str, int]] = []
    seq = 0

    def push(at: datetime, kind: str, ref: int) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(events, (at, seq, kind, ref))

    for offset in arrival_offsets(rng, tokens):  # the same hourly curve as the network planner
        push(start + timedelta(seconds=offset), "arrive", 0)
    for cid in counter_ids:
        push(start + timedelta(minutes=rng.uniform(1, 5)), "free", cid)

    result = SimulationResult(day)
    idle: set[int] = set()
    end_of_service = start + timedelta(hours=10)
    while events:
        at, _, kind, ref = heapq.heappop(events)
        if at > end_of_service:
            break
        clock.set(at)
        if kind == "arrive":
            t = rng.choices(types, weights)[0]
            queue.issue_token(t, actor=triage, priority=rng.random() < priority_rate,
                              priority_reason="elderly")
            result.issued += 1
            for cid in sorted(idle):
                push(at + timedelta(seconds=5), "free", cid)
            idle.clear()
        elif kind == "free":
            local_hour = at.astimezone(SITE_ZONE).hour
            if local_hour in outage_hours:  # no network, no survey: try again when it is back
                back = (at.astimezone(SITE_ZONE) + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
                push(back + timedelta(seconds=rng.uniform(5, 60)), "free", ref)
                continue
            token = queue.call_next(ref, actor=deo[ref])
            if token is None:
                idle.add(ref)
                continue
            result.waits_min.append((token.called_at - token.queued_at).total_seconds() / 60)  # type: ignore[operator]
            if rng.random() < no_show_rate:
                push(at + timedelta(minutes=1), "recall", token.id)
            else:
                push(at + timedelta(seconds=rng.uniform(30, 120)), "start", token.id)
        elif kind == "recall":
            tv = queue.token(ref)
            cid = tv.counter_id or 0
            if tv.recall_count < queue.policy.recalls_before_no_show:
                queue.recall(ref, actor=deo[cid])
                push(at + timedelta(minutes=1), "recall", ref)
            else:
                queue.no_show(ref, actor=deo[cid])
                result.no_show += 1
                push(at + timedelta(seconds=20), "free", cid)
        elif kind == "start":
            tv = queue.start(ref, actor=deo[queue.token(ref).counter_id or 0])
            minutes = max(3.0, rng.lognormvariate(2.2, 0.35))
            push(at + timedelta(minutes=minutes), "complete", ref)
        elif kind == "complete":
            tv = queue.token(ref)
            cid = tv.counter_id or 0
            queue.complete(ref, actor=deo[cid])
            result.completed += 1
            label = views[cid].label
            result.per_counter[label] = result.per_counter.get(label, 0) + 1
            push(at + timedelta(seconds=rng.uniform(10, 60)), "free", cid)
    result.still_open = len(queue.tokens(day, [TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE]))
    return result
