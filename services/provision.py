"""Putting a site into an empty store: the site row, demo counters and demo staff."""

from __future__ import annotations

from sqlalchemy import select

from db.engine import Store
from db.models import Counter, CounterAssignment, CounterState, Role, Site, Staff, UpdateType
from services.clock import Clock, business_day

ALL_TYPES: list[UpdateType] = [t for t in UpdateType if t is not UpdateType.APPEAL]

# Counter n serves these types in the demo: two generalists, the rest split by workload.
DEMO_COUNTER_TYPES: list[list[UpdateType]] = [
    ALL_TYPES,
    [UpdateType.MISSED_OUT, UpdateType.ROSTER],
    [UpdateType.ROSTER, UpdateType.CYCLIC],
    [UpdateType.RECERTIFICATION, UpdateType.SHOCK],
    ALL_TYPES,
    [UpdateType.MISSED_OUT, UpdateType.SHOCK],
]

DEMO_STAFF: list[tuple[str, str, Role]] = [
    ("admin", "Site Administrator", Role.ADMIN),
    ("supervisor", "Ayesha Khan", Role.SUPERVISOR),
    ("triage", "Bilal Ahmed", Role.TRIAGE),
    ("manager", "Regional Manager", Role.REGIONAL_MANAGER),
]
DEMO_DEOS = ["Sana Iqbal", "Imran Shah", "Farah Naz", "Usman Ali", "Hina Baloch", "Kamran Jatoi",
             "Rabia Noor", "Zeeshan Qureshi"]


def ensure_site(store: Store, site_id: str, name: str, name_ur: str = "", **extra: object) -> None:
    """Create the site row if it is missing (idempotent)."""
    with store.session() as s, s.begin():
        if s.get(Site, site_id) is None:
            s.add(Site(id=site_id, name=name, name_ur=name_ur, **extra))


def seed_demo(store: Store, clock: Clock, site_id: str, counters: int = 6, *, assign: bool = True) -> list[int]:
    """Counters (with served types) and staff for a demo or simulation; returns counter ids.

    Does nothing to counters or staff that already exist, so it is safe to run twice.
    """
    day = business_day(clock.now())
    with store.session() as s, s.begin():
        existing = {c.number: c for c in s.scalars(select(Counter).where(Counter.site_id == site_id))}
        ids = []
        for n in range(1, counters + 1):
            c = existing.get(n)
            if c is None:
                types = DEMO_COUNTER_TYPES[(n - 1) % len(DEMO_COUNTER_TYPES)]
                c = Counter(site_id=site_id, number=n, label=f"Counter {n}", served_types=[t.value for t in types],
                            state=CounterState.OPEN)
                s.add(c)
                s.flush()
            ids.append(c.id)
        users = {u.username for u in s.scalars(select(Staff))}
        for username, full_name, role in DEMO_STAFF:
            if username not in users:
                s.add(Staff(site_id=site_id, username=username, full_name=full_name, role=role))
        deo_ids = []
        for i in range(counters):
            username = f"deo{i + 1}"
            deo = s.scalar(select(Staff).where(Staff.username == username))
            if deo is None:
                deo = Staff(site_id=site_id, username=username, full_name=DEMO_DEOS[i % len(DEMO_DEOS)], role=Role.DEO)
                s.add(deo)
                s.flush()
            deo_ids.append(deo.id)
        if assign:
            busy = {a.counter_id for a in s.scalars(select(CounterAssignment).where(
                CounterAssignment.business_day == day, CounterAssignment.ended_at.is_(None)))}
            for cid, sid in zip(ids, deo_ids, strict=True):
                if cid not in busy:
                    s.add(CounterAssignment(counter_id=cid, staff_id=sid, business_day=day, started_at=clock.now()))
    return ids
