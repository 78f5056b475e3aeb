"""``drc-hub simulate-network``: a realistic history for many sites, fast.

Each site-day follows ``services.demand`` (staffing, regional demand, the hourly curve, outages)
and produces the same events a console would upload (same kinds, payloads and state machine), by
a light multi-counter queue instead of the full queue engine. Every day is rolled up with the
same ``roll_up`` as ingestion; only the most recent ``raw_days`` also keep their raw events
(written with COPY on PostgreSQL). Re-running over the same days replaces them.
"""

from __future__ import annotations

import heapq
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from services.clock import SITE_ZONE
from services.demand import OPENING_HOUR, arrival_offsets, deos_at, pick_type, plan_day
from services.hub.models import HubSite, SiteEventRow, SiteSeen
from services.hub.ops.months import refresh_months
from services.hub.ops.partitions import PartitionKeeper
from services.hub.ops.rollup import HubEvent, roll_up
from services.hub.ops.store import replace_rollups

EVENT_NS = uuid.UUID("5b0f4a52-7d43-4c1e-9a51-2f6f1c0e8d11")
CLOSING_HOUR = 17
COLUMNS = ("site_id", "day", "uuid", "token_id", "token_number", "update_type", "priority", "kind", "at", "actor",
           "counter", "payload")


@dataclass(frozen=True)
class NetworkSite:
    """A site as the simulator needs it."""

    site_id: str
    region: str
    deos: int


@dataclass
class NetworkReport:
    """What a run produced."""

    sites: int = 0
    days: int = 0
    events: int = 0
    raw_events: int = 0


def network_sites(engine: Engine, count: int | None) -> list[NetworkSite]:
    """``count`` sites spread over the list (None: all), with their DEOs (one more at a district's first site)."""
    with engine.connect() as conn:
        rows = conn.execute(select(HubSite.site_id, HubSite.region, HubSite.district).order_by(HubSite.site_id)).all()
    seen: set[tuple[str, str]] = set()
    sites = []
    for site_id, region, district in rows:
        hq = (region, district) not in seen
        seen.add((region, district))
        sites.append(NetworkSite(site_id, region, deos_at(site_id, hq)))
    if count is None or count >= len(sites):
        return sites
    step = len(sites) / count
    return [sites[int(i * step)] for i in range(count)]


def site_day_events(site: NetworkSite, day: date, seed: int = 0, volume: float = 1.0) -> list[dict[str, Any]]:
    """One site-day of events as stored rows: issue, call (and recall / no-show), start, complete."""
    plan = plan_day(site.site_id, site.region, site.deos, day, seed, volume)
    rng = random.Random(f"{site.site_id}/{day.isoformat()}/{seed}")
    opening = datetime(day.year, day.month, day.day, OPENING_HOUR, tzinfo=SITE_ZONE).astimezone(UTC)
    closing = opening + timedelta(hours=CLOSING_HOUR - OPENING_HOUR)
    outage = [(opening + timedelta(hours=h - OPENING_HOUR), opening + timedelta(hours=h - OPENING_HOUR + 1))
              for h in plan.outage_hours]
    free = [(opening + timedelta(minutes=rng.uniform(1, 5)), k) for k in range(1, plan.deos + 1)]
    heapq.heapify(free)
    rows: list[dict[str, Any]] = []
    seq: dict[str, int] = {}

    def add(token: int, number: str, utype: str, kind: str, at: datetime, actor: str, counter: int | None,
            payload: dict[str, Any] | None = None) -> None:
        naive = at.replace(tzinfo=None)
        rows.append({"site_id": site.site_id, "day": day,
                     "uuid": str(uuid.uuid5(EVENT_NS, f"{site.site_id}/{day}/{token}/{kind}/{len(rows)}")),
                     "token_id": token, "token_number": number, "update_type": utype, "priority": False,
                     "kind": kind, "at": naive, "actor": actor, "counter": counter, "payload": payload or {}})

    for n, offset in enumerate(arrival_offsets(rng, plan.visitors), start=1):
        arrived = opening + timedelta(seconds=offset)
        kind = pick_type(rng)
        utype = kind.value
        seq[utype] = seq.get(utype, 0) + 1
        number = f"{kind.prefix}-{seq[utype]:03d}"
        token = int(day.strftime("%y%j")) * 10_000 + n
        add(token, number, utype, "issued", arrived, "tsa1", None, {"update_type": utype, "priority": False})
        ready, counter = heapq.heappop(free)
        call = max(arrived + timedelta(seconds=20), ready)
        for start, end in outage:  # no network, no survey: the counter waits for the link
            if start <= call < end:
                call = end + timedelta(seconds=rng.uniform(5, 60))
        if call >= closing:
            add(token, number, utype, "cancelled", closing, "supervisor", None, {"reason": "closed"})
            heapq.heappush(free, (ready, counter))
            continue
        deo = f"deo{counter}"
        add(token, number, utype, "called", call, deo, counter)
        if rng.random() < 0.05:
            add(token, number, utype, "recalled", call + timedelta(minutes=1), deo, counter)
            add(token, number, utype, "no_show", call + timedelta(minutes=2), deo, counter)
            heapq.heappush(free, (call + timedelta(minutes=2, seconds=20), counter))
            continue
        started = call + timedelta(seconds=rng.uniform(30, 120))
        done = started + timedelta(minutes=max(3.0, rng.lognormvariate(2.2, 0.35)))
        add(token, number, utype, "started", started, deo, counter)
        add(token, number, utype, "completed", done, deo, counter)
        heapq.heappush(free, (done + timedelta(seconds=rng.uniform(10, 60)), counter))
    return rows


def _as_events(rows: Sequence[dict[str, Any]]) -> list[HubEvent]:
    return [HubEvent(r["site_id"], r["token_id"], r["kind"], r["at"], r["update_type"], r["actor"], r["counter"],
                     r["payload"]) for r in rows]


def write_raw(engine: Engine, day: date, rows: Sequence[dict[str, Any]]) -> None:
    """Replace a day's raw events: COPY on PostgreSQL, a multi-row insert elsewhere."""
    with engine.begin() as conn:
        conn.execute(delete(SiteEventRow).where(SiteEventRow.day == day))
        if conn.dialect.name == "postgresql":
            import json

            dbapi: Any = conn.connection.driver_connection
            with dbapi.cursor() as cur, cur.copy(f"COPY hub_site_event ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row([*(r[c] for c in COLUMNS[:-1]), json.dumps(r["payload"])])
        elif rows:
            conn.execute(insert(SiteEventRow), list(rows))


def simulate_network(engine: Engine, sites: Sequence[NetworkSite], end: date, days: int, *, raw_days: int = 7,
                     seed: int = 0, volume: float = 1.0,
                     progress: Callable[[date, int], None] | None = None) -> NetworkReport:
    """Fill the hub with ``days`` days up to ``end`` for ``sites``; the last ``raw_days`` keep raw events."""
    from sqlalchemy.orm import Session

    report = NetworkReport(sites=len(sites))
    keeper = PartitionKeeper(engine)
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        rows = [r for site in sites for r in site_day_events(site, day, seed, volume)]
        if days - i <= raw_days:
            keeper.ensure({day})
            write_raw(engine, day, rows)
            report.raw_events += len(rows)
        rolled = roll_up(_as_events(rows), {day})
        with Session(engine) as ses, ses.begin():
            replace_rollups(ses, rolled, [(s.site_id, day) for s in sites], months=False)
        report.days += 1
        report.events += len(rows)
        if progress:
            progress(day, len(rows))
    first = end - timedelta(days=days - 1)
    with Session(engine) as ses, ses.begin():
        refresh_months(ses, [first + timedelta(days=k) for k in range(days)], [s.site_id for s in sites])
        stamp = datetime(end.year, end.month, end.day, 20, tzinfo=SITE_ZONE).astimezone(UTC).replace(tzinfo=None)
        ses.execute(delete(SiteSeen).where(SiteSeen.site_id.in_([s.site_id for s in sites])))
        ses.execute(insert(SiteSeen), [{"site_id": s.site_id, "last_seen": stamp} for s in sites])
    return report
